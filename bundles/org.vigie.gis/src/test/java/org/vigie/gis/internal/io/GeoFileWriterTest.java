package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.vigie.gis.internal.Reprojection;
import org.vigie.gis.internal.io.GeoFileWriter.ExportLayer;
import org.vigie.gis.internal.io.GeoFileWriter.Format;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** The details a GIS user sees in an export: safe names, readable fields, KML colours, CSV quoting. */
class GeoFileWriterTest {
    private static Workbench workbench;

    @BeforeAll
    static void open() throws SQLException {
        workbench = Fixtures.workbench();
    }

    @AfterAll
    static void close() throws SQLException {
        workbench.close();
    }

    @Test
    void aLayerNameThatIsNotPlainLowerCaseIsRefused() {
        for (String name : List.of("../x", "a/b", "Zones", "", "zones.shp")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new ExportLayer(name, null, Fixtures.zones()), name);
            assertTrue(refused.getMessage().contains("lower case letters, digits and dashes"), refused.getMessage());
        }
        ExportLayer zones = new ExportLayer("zones", null, Fixtures.zones());
        assertThrows(IllegalArgumentException.class, () -> write(Format.GEOJSON, 2154, zones, zones));
        assertThrows(IllegalArgumentException.class, () -> write(Format.GEOJSON, 3857, zones));
    }

    @Test
    void dbfFieldNamesAreShortUniqueAndReadable() {
        assertEquals(List.of("id", "libelle_st", "libelle__2", "Niveau", "hauteur_ea", "NIVEAU_2", "field"),
                GeoFileWriter.dbfNames(List.of("id", "libelle_station", "libelle_station_amont", "Niveau",
                        "hauteur_eau", "NIVEAU", "")));
        assertEquals(List.of("temperatur", "precipitat"), GeoFileWriter.dbfNames(List.of("température",
                "précipitations")));
    }

    @Test
    void aShapefileZipNamesEachFileAfterItsLayer() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(write(Format.SHAPEFILE, 2154,
                new ExportLayer("mixed", null, Fixtures.mixed()))))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.add(entry.getName());
            }
        }
        for (String kind : List.of("points", "lines", "polygons")) {
            for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                assertTrue(entries.contains("mixed-" + kind + "." + extension), entries::toString);
            }
        }
        assertEquals(15, entries.size(), entries::toString);
    }

    @Test
    void kmlIsWgs84AndColouredByVigilance() throws Exception {
        Document kml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                write(Format.KML, 2154, new ExportLayer("zones", "Flood zones", Fixtures.zones()),
                        new ExportLayer("stations", "Gauges", Fixtures.stations()))));
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertTrue(text(xpath, kml, "/kml/Document/description").contains("EPSG:2154 was asked for"));
        assertEquals("Flood zones", text(xpath, kml, "/kml/Document/Folder[1]/name"));
        assertEquals("#vigilance-red", text(xpath, kml, "//Placemark[name='Orléans, \"centre\"']/styleUrl"));
        assertEquals("#vigilance-yellow", text(xpath, kml, "//Placemark[name='Orléans']/styleUrl"));
        assertEquals("z2", text(xpath, kml, "//Placemark[name='Saint-Jean-le-Blanc']/ExtendedData/Data[@name='id']"));
        assertEquals("800000ff", text(xpath, kml, "//Style[@id='vigilance-red']/PolyStyle/color"), "fill");
        assertEquals("ff0000ff", text(xpath, kml, "//Style[@id='vigilance-red']/LineStyle/color"), "outline");
        assertEquals("ff00ffff", text(xpath, kml, "//Style[@id='vigilance-yellow']/IconStyle/color"));
        assertEquals("http://maps.google.com/mapfiles/kml/paddle/wht-blank.png",
                text(xpath, kml, "//Style[@id='vigilance-yellow']/IconStyle/Icon/href"));
        String[] blois = text(xpath, kml, "//Placemark[name='Blois']/Point/coordinates").split(",");
        assertEquals(1.335148, Double.parseDouble(blois[0]), 2e-5, "longitude first");
        assertEquals(47.584957, Double.parseDouble(blois[1]), 2e-5);
        assertEquals(2.0, ((Number) xpath.evaluate("count(//Placemark[name='Saint-Jean-le-Blanc']"
                + "/MultiGeometry/Polygon)", kml, XPathConstants.NUMBER)).doubleValue());
    }

    @Test
    void csvFollowsRfc4180AndItsWktIsTheGeometryInTheAskedSystem() throws IOException {
        String csv = new String(write(Format.CSV, 4326, new ExportLayer("zones", null, Fixtures.zones())),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");

        assertEquals("id,name,level_m,buildings,evacuate,colour,note,WKT", lines[0]);
        assertTrue(lines[1].startsWith("z1,\"Orléans, \"\"centre\"\"\",4.25,1250,true,red,,\"POLYGON (("), lines[1]);
        assertTrue(lines[3].startsWith("z3,Saint-Pryvé,,7,,green,,"), lines[3]);
        String wkt = lines[1].substring(lines[1].indexOf("\"POLYGON") + 1, lines[1].length() - 1);
        Geometry z1 = Fixtures.wkt(wkt);
        z1.setSRID(Reprojection.WGS84);
        double distance = DiscreteHausdorffDistance.distance(Fixtures.zones().get(0).geometry(),
                Reprojection.instance().transform(z1, Reprojection.LAMBERT93));
        assertTrue(distance < 0.01, "moved by " + distance + " m");
    }

    @Test
    void formatsAreNamedAsUsersAndBrowsersExpect() {
        assertEquals(Format.SHAPEFILE, Format.parse(" Shapefile"));
        assertEquals(Format.GEOPACKAGE, Format.parse("gpkg"));
        assertThrows(IllegalArgumentException.class, () -> Format.parse("dxf"));
        assertEquals(".geojson", Format.GEOJSON.extension(1));
        assertEquals("application/geo+json", Format.GEOJSON.mediaType(1));
        assertEquals(".geojson.zip", Format.GEOJSON.extension(2));
        assertEquals(".csv.zip", Format.CSV.extension(2), "never the same name as a GeoJSON zip");
        assertEquals("application/zip", Format.CSV.mediaType(3));
        assertEquals(".shp.zip", Format.SHAPEFILE.extension(1));
        assertEquals(".gpkg", Format.GEOPACKAGE.extension(4));
    }

    private static byte[] write(Format format, int srid, ExportLayer... layers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoFileWriter(workbench).write(format, List.of(layers), srid, out);
        return out.toByteArray();
    }

    private static String text(XPath xpath, Node node, String expression) throws XPathExpressionException {
        return xpath.evaluate(expression, node);
    }
}
