package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.api.service.GeoFeature;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.gis.internal.io.GeoFileWriter.ExportLayer;
import org.vigie.gis.internal.io.GeoFileWriter.Format;

/** GDAL, which QGIS and most GIS tools are built on, opens every export with the right count, type and system. */
class GeoFileGdalTest {
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

    @ParameterizedTest(name = "{0} in EPSG:{1}")
    @CsvSource({"GEOJSON, 4326, Unknown (any)", "GEOJSON, 2154, Unknown (any)",
            "GEOPACKAGE, 4326, Multi Polygon", "GEOPACKAGE, 2154, Multi Polygon",
            "SHAPEFILE, 4326, Polygon", "SHAPEFILE, 2154, Polygon",
            "KML, 4326, Unknown (any)", "KML, 2154, Unknown (any)",
            "CSV, 4326, Unknown (any)", "CSV, 2154, Unknown (any)"})
    void gdalOpensTheExport(Format format, int srid, String geometry) throws IOException {
        Gdal.assumeInstalled();
        Path file = export(format, srid, new ExportLayer("zones", "Flood zones", Fixtures.zones()));

        Gdal.Layer layer = Gdal.layer((format == Format.SHAPEFILE ? "/vsizip/" : "") + file);

        assertEquals(3, layer.featureCount());
        assertEquals(geometry, layer.geometry());
        if (format == Format.CSV) {
            return; // a CSV has no coordinate system: the WKT column is in the requested one
        }
        if (srid == 2154 && format != Format.KML) {
            assertTrue(layer.isLambert93(), layer.srs());
        } else {
            assertTrue(layer.isWgs84(), layer.srs());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GEOJSON, Unknown (any)", "GEOPACKAGE, Point", "SHAPEFILE, Point", "KML, Unknown (any)",
            "CSV, Unknown (any)"})
    void anEmptyLayerStillOpensWithTheTypeItDeclares(Format format, String geometry) throws IOException {
        Gdal.assumeInstalled();
        Path file = export(format, 2154, new ExportLayer("empty", null, List.of(), "Point"));

        Gdal.Layer layer = Gdal.layer((format == Format.SHAPEFILE ? "/vsizip/" : "") + file);

        assertEquals(0, layer.featureCount());
        assertEquals(geometry, layer.geometry());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GEOPACKAGE", "SHAPEFILE", "CSV"})
    void propertiesNamedLikeTheFormatsOwnColumnsAreRenamedNotFatal(Format format) throws IOException {
        Gdal.assumeInstalled();
        // a QGIS export typically carries fid; geom, the_geom and WKT are other formats' own columns
        List<GeoFeature> features = List.of(new GeoFeature("a", Fixtures.wkt("POINT (618000 6755000)"),
                Fixtures.properties("fid", 7L, "geom", "x", "the_geom", "y", "WKT", "z", "fid_1", "taken")));
        Path file = export(format, 2154, new ExportLayer("odd", null, features));

        Gdal.Layer layer = Gdal.layer((format == Format.SHAPEFILE ? "/vsizip/" : "") + file);

        assertEquals(1, layer.featureCount());
    }

    @Test
    void aCsvExportGivesGdalTheGeometryAndTheValues() throws IOException {
        Gdal.assumeInstalled();
        Path file = export(Format.CSV, 2154, new ExportLayer("zones", null, Fixtures.zones()));

        List<Map<String, String>> rows = Gdal.query(file.toString(), null,
                "SELECT id, name, OGR_GEOM_AREA FROM \"zones-2154\"");

        assertEquals("Orléans, \"centre\"", rows.get(0).get("name"));
        assertEquals(Fixtures.zones().get(0).geometry().getArea(),
                Double.parseDouble(rows.get(0).get("OGR_GEOM_AREA")), 1e-6);
    }

    @Test
    void aGeoPackageKeepsEveryLayerAndAnEmptyLayerKeepsItsType() throws IOException {
        Gdal.assumeInstalled();
        Path file = export(Format.GEOPACKAGE, 2154, new ExportLayer("zones", "Zones", Fixtures.zones()),
                new ExportLayer("stations", "Gauges", Fixtures.stations()),
                new ExportLayer("nothing", "Nothing yet", List.of(), "MultiPolygon"));

        Map<String, Gdal.Layer> layers = Gdal.layers(file.toString());

        assertEquals(List.of("zones", "stations", "nothing"), List.copyOf(layers.keySet()));
        assertEquals(2, layers.get("stations").featureCount());
        assertEquals("Point", layers.get("stations").geometry());
        assertEquals(0, layers.get("nothing").featureCount());
        assertEquals("Multi Polygon", layers.get("nothing").geometry());
        assertTrue(layers.get("nothing").isLambert93(), layers.get("nothing").srs());
        String integrity = Gdal.run("ogrinfo", "-ro", "-q", "-sql", "PRAGMA integrity_check", file.toString());
        assertTrue(integrity.contains("= ok"), integrity);
    }

    @Test
    void aShapefileZipSplitsAMixedLayerAndKeepsAnEmptyOne() throws IOException {
        Gdal.assumeInstalled();
        Path file = export(Format.SHAPEFILE, 4326, new ExportLayer("mixed", null, Fixtures.mixed()),
                new ExportLayer("stations", null, Fixtures.stations()),
                new ExportLayer("nothing", null, List.of(), "Point"));

        Map<String, Gdal.Layer> layers = Gdal.layers("/vsizip/" + file);

        assertEquals(Map.of("mixed-points", "Point", "mixed-lines", "Line String", "mixed-polygons", "Polygon",
                "stations", "Point", "nothing", "Point"), Map.of(
                "mixed-points", layers.get("mixed-points").geometry(),
                "mixed-lines", layers.get("mixed-lines").geometry(),
                "mixed-polygons", layers.get("mixed-polygons").geometry(),
                "stations", layers.get("stations").geometry(),
                "nothing", layers.get("nothing").geometry()));
        assertEquals(0, layers.get("nothing").featureCount());
        layers.values().forEach(layer -> assertTrue(layer.isWgs84(), layer.name() + ": " + layer.srs()));
    }

    @Test
    void severalGeoJsonLayersAreZippedOneFileEach() throws IOException {
        Gdal.assumeInstalled();
        Path file = export(Format.GEOJSON, 2154, new ExportLayer("zones", null, Fixtures.zones()),
                new ExportLayer("stations", null, Fixtures.stations()));

        Gdal.Layer stations = Gdal.layer("/vsizip/" + file + "/stations.geojson");

        assertEquals(2, stations.featureCount());
        assertTrue(stations.isLambert93(), stations.srs());
        assertEquals(3, Gdal.layer("/vsizip/" + file + "/zones.geojson").featureCount());
    }

    private Path export(Format format, int srid, ExportLayer... layers) throws IOException {
        Path file = directory.resolve(layers[0].name() + "-" + srid + format.extension(layers.length));
        try (OutputStream out = Files.newOutputStream(file)) {
            new GeoFileWriter(workbench).write(format, List.of(layers), srid, out);
        }
        return file;
    }
}
