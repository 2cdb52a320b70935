package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.Reprojection;
import org.vigie.gis.internal.io.GeoFileReader.ImportedFeatures;
import org.vigie.gis.internal.io.GeoFileWriter.ExportLayer;
import org.vigie.gis.internal.io.GeoFileWriter.Format;

/** What a GIS user hands over is read faithfully, and what cannot be read is refused saying what to do. */
class GeoFileReaderTest {
    private static Workbench workbench;

    @TempDir
    Path directory;

    @BeforeAll
    static void open() throws SQLException {
        workbench = Fixtures.workbench();
    }

    @AfterAll
    static void close() throws SQLException {
        workbench.close();
    }

    @Test
    void aBowTiePolygonIsRepairedAndReportedWithItsFeatureId() throws IOException {
        Path file = geoJson("""
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"code": "A1"},
                  "geometry": {"type": "Polygon", "coordinates": [[[1.90, 47.90], [1.91, 47.90], [1.91, 47.91],
                   [1.90, 47.91], [1.90, 47.90]]]}},
                 {"type": "Feature", "properties": {"code": "B2"},
                  "geometry": {"type": "Polygon", "coordinates": [[[1.90, 47.90], [1.91, 47.91], [1.91, 47.90],
                   [1.90, 47.91], [1.90, 47.90]]]}}]}""");

        ImportedFeatures read = reader().read(file, "code", null);

        assertEquals(1, read.report().size(), read.report()::toString);
        String line = read.report().get(0);
        assertTrue(line.startsWith("feature B2: invalid geometry (Self-intersection at or near (1.905000, 47.905000)"
                + " in EPSG:4326): repaired"), line);
        Geometry square = read.features().get(0).geometry();
        Geometry bowTie = read.features().get(1).geometry();
        assertTrue(bowTie.isValid());
        assertTrue(bowTie instanceof MultiPolygon && bowTie.getNumGeometries() == 2, bowTie::toText);
        // the two triangles of a bow-tie drawn on a square's corners cover half of the square
        assertEquals(square.getArea() / 2, bowTie.getArea(), square.getArea() * 1e-4);
        assertEquals("MultiPolygon", read.geometryType());
    }

    @Test
    void aGeoJsonWithoutCrsIsWgs84AndLandsWhereItShould() throws IOException {
        Path file = geoJson("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "K447001001",
                 "properties": {"Libellé": "La Loire à Blois", "Niveau": 2.5, "Alerte": false, "n": 3,
                  "extra": {"a": 1}, "vide": null},
                 "geometry": {"type": "Point", "coordinates": [1.335147948, 47.584957074]}}]}""");

        ImportedFeatures read = reader().read(file, "id", null);

        assertEquals(Reprojection.WGS84, read.sourceSrid());
        GeoFeature blois = read.features().get(0);
        assertEquals("K447001001", blois.id());
        // Hub'Eau gives the Blois gauge at x 574873, y 6721828 in Lambert-93
        assertEquals(574873, blois.geometry().getCoordinate().x, 2.0);
        assertEquals(6721828, blois.geometry().getCoordinate().y, 2.0);
        assertEquals(List.of("id", "Libellé", "Niveau", "Alerte", "n", "extra", "vide"),
                List.copyOf(blois.properties().keySet()), "names keep their case and their order");
        assertEquals("La Loire à Blois", blois.properties().get("Libellé"));
        assertEquals(2.5, blois.properties().get("Niveau"));
        assertEquals(false, blois.properties().get("Alerte"));
        assertEquals(3L, blois.properties().get("n"));
        assertEquals("{\"a\":1}", blois.properties().get("extra"));
        assertEquals(null, blois.properties().get("vide"));
    }

    @Test
    void aGeoJsonCrsNamedEpsgColonCodeIsHonoured() throws IOException {
        Path file = geoJson("""
                {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:2154"}},
                 "features": [{"type": "Feature", "properties": {},
                  "geometry": {"type": "Point", "coordinates": [619000.5, 6755000.25]}}]}""");

        ImportedFeatures read = reader().read(file, null, null);

        assertEquals(Reprojection.LAMBERT93, read.sourceSrid());
        assertEquals("1", read.features().get(0).id());
        assertEquals(619000.5, read.features().get(0).geometry().getCoordinate().x, 1e-9);
    }

    @Test
    void projectedCoordinatesWithoutCrsAreRefusedRatherThanMisplaced() throws IOException {
        Path file = geoJson("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                 "geometry": {"type": "Point", "coordinates": [619000, 6755000]}}]}""");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> reader().read(file, null, null));
        assertTrue(refused.getMessage().contains("look projected"), refused.getMessage());
    }

    @Test
    void aFeatureWithoutGeometryIsSkippedAndReported() throws IOException {
        Path file = geoJson("""
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"code": "A"}, "geometry": null},
                 {"type": "Feature", "properties": {"code": "B"},
                  "geometry": {"type": "Point", "coordinates": [1.9, 47.9]}}]}""");

        ImportedFeatures read = reader().read(file, "code", null);

        assertEquals(List.of("B"), read.features().stream().map(GeoFeature::id).toList());
        assertEquals(List.of("feature A: no geometry: skipped"), read.report());
        assertEquals("Point", read.geometryType());
    }

    @Test
    void idsMustBePresentAndUnique() throws IOException {
        String template = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"code": "A"},
                  "geometry": {"type": "Point", "coordinates": [1.9, 47.9]}},
                 {"type": "Feature", "properties": {"code": %s},
                  "geometry": {"type": "Point", "coordinates": [1.8, 47.9]}}]}""";
        Path duplicate = geoJson(template.formatted("\"A\""));
        Path missing = geoJson(template.formatted("null"));

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> reader().read(duplicate, "code", null));
        assertTrue(twice.getMessage().contains("rows 1 and 2 share the value 'A' of the id property 'code'"),
                twice.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> reader().read(missing, "code", null));
        assertTrue(none.getMessage().contains("row 2 has no value for the id property 'code'"), none.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> reader().read(missing, "station", null));
        assertTrue(unknown.getMessage().contains("no property 'station'"), unknown.getMessage());
        assertEquals(List.of("1", "2"), reader().read(missing, null, null).features().stream()
                .map(GeoFeature::id).toList(), "without an id property, features are numbered in file order");
    }

    @Test
    void aShapefileWithoutPrjIsRefusedSayingWhatToDo() throws IOException {
        Path zip = directory.resolve("zones.shp.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            new GeoFileWriter(workbench).write(Format.SHAPEFILE,
                    List.of(new ExportLayer("zones", null, Fixtures.zones())), 2154, out);
        }
        Path unzipped = GeoFileReader.unzip(zip);
        try {
            assertEquals(3, reader().read(unzipped.resolve("zones.shp"), "id", null).features().size());
            Files.delete(unzipped.resolve("zones.prj"));

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> reader().read(unzipped.resolve("zones.shp"), "id", null));

            assertTrue(refused.getMessage().contains("zones.shp has no .prj file, so its coordinate system is "
                    + "unknown"), refused.getMessage());
            assertTrue(refused.getMessage().contains("ogr2ogr -a_srs EPSG:2154"), refused.getMessage());
        } finally {
            GeoFileReader.deleteRecursively(unzipped);
        }
    }

    @Test
    void theEsriPrjFilesGdalAndQgisWriteAreRecognised() {
        // H2GIS only knows a .prj ending with an EPSG AUTHORITY; these are what ogr2ogr 3.6 writes
        assertEquals(2154, GeoFileReader.sridOfPrj("PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"GCS_RGF_1993\","
                + "DATUM[\"D_RGF_1993\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
                + "PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],"
                + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],"
                + "PARAMETER[\"Standard_Parallel_2\",44.0],PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]"));
        assertEquals(4326, GeoFileReader.sridOfPrj("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]"));
        assertEquals(0, GeoFileReader.sridOfPrj("PROJCS[\"NTF_Paris_Lambert_Zone_II\",GEOGCS[\"GCS_NTF_Paris\","
                + "DATUM[\"D_NTF\",SPHEROID[\"Clarke_1880_IGN\",6378249.2,293.4660212936269]],"
                + "PRIMEM[\"Paris\",2.337229166666667],UNIT[\"Grad\",0.01570796326794897]],"
                + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",600000.0],"
                + "PARAMETER[\"False_Northing\",2200000.0],PARAMETER[\"Central_Meridian\",0.0],"
                + "PARAMETER[\"Standard_Parallel_1\",52.0],PARAMETER[\"Scale_Factor\",0.99987742],"
                + "PARAMETER[\"Latitude_Of_Origin\",52.0],UNIT[\"Meter\",1.0]]"), "Lambert II is not guessed");
        assertEquals(27572, GeoFileReader.sridOfPrj("PROJCS[\"NTF (Paris) / Lambert zone II\",GEOGCS[\"NTF (Paris)\"]"
                + ",AUTHORITY[\"EPSG\",\"27572\"]]"));
    }

    @Test
    void aZipEntryEscapingItsFolderIsRefusedAndNothingIsWritten() throws IOException {
        Path zip = directory.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("communes.shp"));
            out.write(new byte[100]);
            out.putNextEntry(new ZipEntry("../evil.shp"));
            out.write("gotcha".getBytes(StandardCharsets.UTF_8));
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        Files.deleteIfExists(temporary.resolve("evil.shp"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> reader().read(zip, null, null));

        assertTrue(refused.getMessage().contains("refused zip entry '../evil.shp'"), refused.getMessage());
        assertFalse(Files.exists(temporary.resolve("evil.shp")));
    }

    @Test
    void aZipHoldingOneGeoJsonInAFolderIsRead() throws IOException {
        Path zip = directory.resolve("layer.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("__MACOSX/data/._stations.geojson"));
            out.write(new byte[10]);
            out.putNextEntry(new ZipEntry("data/stations.geojson"));
            out.write("""
                    {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "X"},
                     "geometry": {"type": "Point", "coordinates": [1.9, 47.9]}}]}""".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("X", reader().read(zip, "code", null).features().get(0).id());
    }

    @Test
    void anUnknownFormatIsRefused() throws IOException {
        Path file = Files.writeString(directory.resolve("zones.kml"), "<kml/>");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> reader().read(file, null, null));
        assertTrue(refused.getMessage().contains(".geojson, .json, .shp"), refused.getMessage());
    }

    @Test
    void aShapefileAndAGeoPackageMadeByGdalAreReadWithNamesDatesAndAccents() throws IOException {
        Gdal.assumeInstalled();
        Path source = geoJson("""
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                 "properties": {"Code": "45089", "Nom": "Chécy", "Jour": "2024-03-01", "Surface": 15.5},
                 "geometry": {"type": "Polygon", "coordinates": [[[2.02, 47.89], [2.06, 47.89], [2.06, 47.92],
                  [2.02, 47.92], [2.02, 47.89]]]}}]}""");
        Path shp = directory.resolve("communes.shp");
        Path gpkg = directory.resolve("communes.gpkg");
        Gdal.run("ogr2ogr", "-t_srs", "EPSG:2154", shp.toString(), source.toString());
        Gdal.run("ogr2ogr", "-t_srs", "EPSG:2154", "-f", "GPKG", gpkg.toString(), source.toString());
        Geometry expected = reader().read(source, "Code", null).features().get(0).geometry();

        for (Path file : List.of(shp, gpkg)) {
            ImportedFeatures read = reader().read(file, "Code", null);

            assertEquals(Reprojection.LAMBERT93, read.sourceSrid(), file.toString());
            GeoFeature checy = read.features().get(0);
            assertEquals("45089", checy.id());
            assertEquals(List.of("Code", "Nom", "Jour", "Surface"), List.copyOf(checy.properties().keySet()));
            assertEquals("Chécy", checy.properties().get("Nom"));
            assertEquals("2024-03-01", checy.properties().get("Jour"), "a DBF or GeoPackage date, as ISO-8601");
            assertEquals(15.5, checy.properties().get("Surface"));
            double distance = DiscreteHausdorffDistance.distance(checy.geometry(), expected);
            assertTrue(distance < 0.01, file + ": GDAL's Lambert-93 and ours differ by " + distance + " m");
        }
    }

    private GeoFileReader reader() {
        return new GeoFileReader(workbench);
    }

    private Path geoJson(String text) throws IOException {
        Path file = Files.createTempFile(directory, "layer-", ".geojson");
        return Files.writeString(file, text);
    }
}
