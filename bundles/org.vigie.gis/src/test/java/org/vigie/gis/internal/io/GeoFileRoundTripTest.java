package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.io.GeoFileReader.ImportedFeatures;
import org.vigie.gis.internal.io.GeoFileWriter.ExportLayer;
import org.vigie.gis.internal.io.GeoFileWriter.Format;

/** What Vigie exports, Vigie reads back: same ids, same properties, the same geometry within a centimetre. */
class GeoFileRoundTripTest {
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
    @CsvSource({"GEOJSON, 4326", "GEOJSON, 2154", "GEOPACKAGE, 4326", "GEOPACKAGE, 2154", "SHAPEFILE, 4326",
            "SHAPEFILE, 2154"})
    void featuresComeBackAsTheyWentOut(Format format, int srid) throws IOException {
        List<GeoFeature> zones = Fixtures.zones();
        Path file = export(format, srid, new ExportLayer("zones", "Flood zones", zones));

        ImportedFeatures back = new GeoFileReader(workbench).read(file, "id", null);

        assertEquals(srid, back.sourceSrid());
        assertEquals(List.of(), back.report());
        assertEquals("MultiPolygon", back.geometryType());
        assertEquals(zones.stream().map(GeoFeature::id).toList(),
                back.features().stream().map(GeoFeature::id).toList());
        for (int i = 0; i < zones.size(); i++) {
            GeoFeature sent = zones.get(i);
            GeoFeature read = back.features().get(i);
            Map<String, Object> properties = new LinkedHashMap<>(read.properties());
            assertEquals(sent.id(), properties.remove("id"), "the id travels as the property 'id'");
            Map<String, Object> expected = new LinkedHashMap<>(sent.properties());
            if (format == Format.SHAPEFILE && "".equals(expected.get("note"))) {
                expected.put("note", null); // a DBF cannot tell an empty text from a missing one
            }
            assertEquals(expected, properties, sent.id());
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(properties.keySet()), "column order");
            assertEquals(2154, read.geometry().getSRID());
            assertEquals(sent.geometry().getNumGeometries(), read.geometry().getNumGeometries());
            double distance = DiscreteHausdorffDistance.distance(sent.geometry(), read.geometry());
            assertTrue(distance <= 0.01, sent.id() + " moved by " + distance + " m");
            assertEquals(sent.geometry().getArea(), read.geometry().getArea(), 20.0, sent.id());
        }
    }

    @Test
    void aGeoPackageHoldsEveryLayerAndEachIsReadByItsTableName() throws IOException {
        Path file = export(Format.GEOPACKAGE, 2154, new ExportLayer("zones", "Zones", Fixtures.zones()),
                new ExportLayer("stations", "Gauges", Fixtures.stations()));

        IllegalArgumentException which = assertThrows(IllegalArgumentException.class,
                () -> new GeoFileReader(workbench).read(file, null, null));
        assertTrue(which.getMessage().contains("zones, stations"), which.getMessage());

        ImportedFeatures stations = new GeoFileReader(workbench).read(file, "id", "stations");
        assertEquals(List.of("K435001010", "K447001001"), stations.features().stream().map(GeoFeature::id).toList());
        assertEquals("Point", stations.geometryType());
        assertEquals(574873, stations.features().get(1).geometry().getCoordinate().x, 1e-6);
        assertEquals("YELLOW", stations.features().get(0).properties().get("vigilance"));
    }

    @Test
    void anEmptyLayerIsReadBackEmptyWithoutError() throws IOException {
        for (Format format : List.of(Format.GEOJSON, Format.GEOPACKAGE, Format.SHAPEFILE)) {
            Path file = export(format, 2154, new ExportLayer("nothing", null, List.of(), "MultiPolygon"));
            ImportedFeatures back = new GeoFileReader(workbench).read(file, null, null);
            assertEquals(List.of(), back.features(), format.name());
        }
    }

    private Path export(Format format, int srid, ExportLayer... layers) throws IOException {
        Path file = directory.resolve(layers[0].name() + "-" + srid + format.extension(layers.length));
        try (OutputStream out = Files.newOutputStream(file)) {
            new GeoFileWriter(workbench).write(format, List.of(layers), srid, out);
        }
        return file;
    }

    static Geometry geometry(ImportedFeatures features, String id) {
        return features.features().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().geometry();
    }
}
