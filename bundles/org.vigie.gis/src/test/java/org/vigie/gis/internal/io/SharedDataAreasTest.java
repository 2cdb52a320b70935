package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.Reprojection;
import org.vigie.gis.internal.io.GeoFileReader.ImportedFeatures;
import org.vigie.testing.SharedData;

/**
 * Areas of real layers checked against sources that share no code with ours: the cell count a catchment was
 * polygonised from, GDAL/PROJ's Lambert-93 and equal-area projection, and the Lambert-93 scale factor formula.
 */
class SharedDataAreasTest {
    private static final String COMMUNES = "orleans-metropole-admin-boundaries/orleans-metropole-22-communes.geojson";
    private static final String CATCHMENTS =
            "loire-orleans-catchments-derived-1km/loire_orleans_catchments_1km_d8_wgs84.geojson";
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
    void eachCatchmentCoversItsNumberOfOneSquareKilometreCells() throws IOException {
        ImportedFeatures catchments = read(CATCHMENTS, "code_station");
        assertEquals(5, catchments.features().size());
        for (GeoFeature catchment : catchments.features()) {
            double cells = ((Number) catchment.properties().get("area_km2_grid")).doubleValue() * 1e6;
            double planar = Measures.planarArea(catchment.geometry());
            print("catchment %s: planar %.4f km² vs %d cells: %+.5f %%", catchment.id(), planar / 1e6,
                    (long) (cells / 1e6), 100 * (planar / cells - 1));
            assertEquals(1, planar / cells, 1e-3, catchment.id());
        }
    }

    @Test
    void planarAreasMatchGdal() throws IOException {
        Gdal.assumeInstalled();
        for (String[] layer : List.of(new String[] {COMMUNES, "code"}, new String[] {CATCHMENTS, "code_station"})) {
            Map<String, Double> gdal = gdalAreas(layer[0], layer[1], 2154);
            double worst = 0;
            for (GeoFeature feature : read(layer[0], layer[1]).features()) {
                double difference = Measures.planarArea(feature.geometry()) / gdal.get(feature.id()) - 1;
                worst = Math.max(worst, Math.abs(difference));
                // far inside the 0.1 % asked for, and tight enough to catch a wrong ellipsoid
                assertEquals(0, difference, 1e-5, feature.id());
            }
            print("planar areas of %s: largest difference with GDAL %.2e", layer[0], worst);
        }
    }

    @Test
    void geodesicAreasMatchGdalInAnEqualAreaProjection() throws IOException {
        // GDAL 3.6 has no geodesic area, and SpatiaLite's ST_Area(geometry, 1) turned out to differ from exact
        // ellipsoidal areas by up to 8e-5 here. ETRS89-LAEA (EPSG:3035) is equal-area on the GRS80 ellipsoid: the
        // planar area GDAL/PROJ compute there is the ellipsoidal area, up to the tiny gap between a straight edge
        // in LAEA and a geodesic, negligible for edges of a few hundred metres. No code is shared with GeographicLib.
        Gdal.assumeInstalled();
        for (String[] layer : List.of(new String[] {COMMUNES, "code"}, new String[] {CATCHMENTS, "code_station"})) {
            Map<String, Double> gdal = gdalAreas(layer[0], layer[1], 3035);
            double worst = 0;
            for (GeoFeature feature : read(layer[0], layer[1]).features()) {
                double difference = Measures.geodesicArea(wgs84(feature)) / gdal.get(feature.id()) - 1;
                worst = Math.max(worst, Math.abs(difference));
                // far inside the 0.1 % asked for, and tight enough to catch a wrong ellipsoid
                assertEquals(0, difference, 1e-5, feature.id());
            }
            print("geodesic areas of %s: largest difference with GDAL's EPSG:3035 areas %.2e", layer[0], worst);
        }
    }

    @Test
    void lambert93AreasShrinkBySquaredScaleFactorAroundOrleans() throws IOException {
        // Independent of GeographicLib and GDAL: Lambert-93 is conformal, so over a commune (about 10 km) the planar
        // area is the true one times k², k being the scale factor at its latitude (closed form, IGN NTG 71)
        for (GeoFeature commune : read(COMMUNES, "code").features()) {
            Geometry lonLat = wgs84(commune);
            double k = lambert93ScaleFactor(lonLat.getCentroid().getY());
            double corrected = Measures.planarArea(commune.geometry()) / (k * k);
            assertEquals(1, Measures.geodesicArea(lonLat) / corrected, 1e-4, commune.id());
        }
    }

    @Test
    void theTwentyTwoCommunesOfOrleansMetropole() throws IOException {
        ImportedFeatures communes = read(COMMUNES, "code");
        assertEquals(22, communes.features().size());
        assertEquals(Reprojection.WGS84, communes.sourceSrid());
        assertEquals("MultiPolygon", communes.geometryType(), "21 polygons and Saint-Cyr-en-Val's multipolygon");
        assertEquals(List.of("45272"), communes.features().stream()
                .filter(c -> c.geometry().getGeometryType().equals("MultiPolygon")).map(GeoFeature::id).toList());
        double planar = communes.features().stream().mapToDouble(c -> Measures.planarArea(c.geometry())).sum();
        double geodesic = communes.features().stream().mapToDouble(c -> Measures.geodesicArea(wgs84(c))).sum();
        print("Orléans Métropole, 22 communes: geodesic %.3f km², planar Lambert-93 %.3f km² (%+.3f %%); report %s",
                geodesic / 1e6, planar / 1e6, 100 * (planar / geodesic - 1), communes.report());
        // INSEE gives 334.3 km² for the 22 communes; these outlines are simplified (Mapshaper, 25 %)
        assertEquals(334.3, geodesic / 1e6, 334.3 * 0.01);
        assertEquals(-0.13, 100 * (planar / geodesic - 1), 0.01);
    }

    private ImportedFeatures read(String relative, String idProperty) throws IOException {
        return new GeoFileReader(workbench).read(SharedData.file(relative), idProperty, null);
    }

    /** @return GDAL's areas of a layer's features after ogr2ogr moved them to EPSG:{@code srid}, by id */
    private Map<String, Double> gdalAreas(String relative, String id, int srid) throws IOException {
        Path moved = directory.resolve("epsg" + srid + ".gpkg");
        Gdal.run("ogr2ogr", "-overwrite", "-t_srs", "EPSG:" + srid, "-nln", "layer", "-f", "GPKG", moved.toString(),
                SharedData.file(relative).toString());
        return areas(Gdal.query(moved.toString(), "OGRSQL", "SELECT " + id + ", OGR_GEOM_AREA FROM layer"), id,
                "OGR_GEOM_AREA");
    }

    private static Geometry wgs84(GeoFeature feature) {
        return Reprojection.instance().transform(feature.geometry(), Reprojection.WGS84);
    }

    private static Map<String, Double> areas(List<Map<String, String>> rows, String id, String area) {
        Map<String, Double> areas = new HashMap<>();
        rows.forEach(row -> areas.put(row.get(id), Double.parseDouble(row.get(area))));
        assertTrue(!areas.isEmpty(), "GDAL returned no rows");
        return areas;
    }

    /** Scale factor of Lambert-93 (conic conformal, secant at 44° and 49°, GRS80) at a latitude in degrees. */
    static double lambert93ScaleFactor(double latitude) {
        double e2 = 0.0066943800229;
        double e = Math.sqrt(e2);
        java.util.function.DoubleUnaryOperator m = p -> Math.cos(p) / Math.sqrt(1 - e2 * Math.sin(p) * Math.sin(p));
        java.util.function.DoubleUnaryOperator t = p -> Math.tan(Math.PI / 4 - p / 2)
                / Math.pow((1 - e * Math.sin(p)) / (1 + e * Math.sin(p)), e / 2);
        double p1 = Math.toRadians(49);
        double p2 = Math.toRadians(44);
        double n = (Math.log(m.applyAsDouble(p1)) - Math.log(m.applyAsDouble(p2)))
                / (Math.log(t.applyAsDouble(p1)) - Math.log(t.applyAsDouble(p2)));
        double f = m.applyAsDouble(p1) / (n * Math.pow(t.applyAsDouble(p1), n));
        double p = Math.toRadians(latitude);
        return f * n * Math.pow(t.applyAsDouble(p), n) / m.applyAsDouble(p);
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
