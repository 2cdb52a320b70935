package org.vigie.gis.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.Reprojection;

/**
 * Writes KML 2.2 for Google Earth and phones, coloured by vigilance level so that a flood map reads at a glance:
 * polygons with a semi-transparent fill and a solid outline, lines coloured, points as tinted paddle icons. KML is
 * always WGS84 longitude/latitude (OGC 07-147r2), whatever system was asked for.
 */
final class Kml {
    private static final String NAMESPACE = "http://www.opengis.net/kml/2.2";
    private static final String ICON = "http://maps.google.com/mapfiles/kml/paddle/wht-blank.png";
    /** Vigilance colours as KML's blue-green-red hex (#00B050, #FFFF00, #FF9900, #FF0000 in RGB). */
    private static final Map<String, String> COLOURS = new TreeMap<>(Map.of("green", "50b000", "yellow", "00ffff",
            "orange", "0099ff", "red", "0000ff"));
    private static final Map<String, String> FRENCH = Map.of("vert", "green", "jaune", "yellow", "rouge", "red");

    private Kml() {
    }

    static void write(List<GeoFileWriter.ExportLayer> layers, int requestedSrid, OutputStream out)
            throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("Document");
            element(xml, "name", layers.size() == 1 ? layers.get(0).title() : "Vigie");
            element(xml, "description", "Coordinates in WGS84 longitude/latitude (EPSG:4326), as KML requires"
                    + (requestedSrid == Reprojection.WGS84 ? "." : "; EPSG:" + requestedSrid
                    + " was asked for, but KML cannot hold it."));
            for (Map.Entry<String, String> colour : COLOURS.entrySet()) {
                style(xml, colour.getKey(), colour.getValue());
            }
            for (GeoFileWriter.ExportLayer layer : layers) {
                xml.writeStartElement("Folder");
                element(xml, "name", layer.title());
                for (GeoFeature feature : layer.features()) {
                    placemark(xml, feature);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write KML: " + e.getMessage(), e);
        }
    }

    /** @return a feature's vigilance colour: "colour" green/yellow/orange/red, else "vigilance" GREEN…; or null */
    static String colour(Map<String, Object> properties) {
        for (String property : List.of("colour", "vigilance")) {
            Object value = properties.get(property);
            if (value != null) {
                String name = value.toString().trim().toLowerCase(Locale.ROOT);
                name = FRENCH.getOrDefault(name, name);
                if (COLOURS.containsKey(name)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static void style(XMLStreamWriter xml, String name, String bgr) throws XMLStreamException {
        xml.writeStartElement("Style");
        xml.writeAttribute("id", "vigilance-" + name);
        xml.writeStartElement("IconStyle");
        element(xml, "color", "ff" + bgr);
        xml.writeStartElement("Icon");
        element(xml, "href", ICON);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("LineStyle");
        element(xml, "color", "ff" + bgr);
        element(xml, "width", "2");
        xml.writeEndElement();
        xml.writeStartElement("PolyStyle");
        element(xml, "color", "80" + bgr); // half transparent, so that the map below stays readable
        element(xml, "fill", "1");
        element(xml, "outline", "1");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void placemark(XMLStreamWriter xml, GeoFeature feature) throws XMLStreamException {
        xml.writeStartElement("Placemark");
        Object name = feature.properties().get("name");
        element(xml, "name", name != null ? name.toString() : feature.id());
        String colour = colour(feature.properties());
        if (colour != null) {
            element(xml, "styleUrl", "#vigilance-" + colour);
        }
        xml.writeStartElement("ExtendedData");
        data(xml, "id", feature.id());
        for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
            data(xml, property.getKey(), property.getValue() == null ? "" : Attributes.text(property.getValue()));
        }
        xml.writeEndElement();
        geometry(xml, Reprojection.instance().transform(feature.geometry(), Reprojection.WGS84));
        xml.writeEndElement();
    }

    private static void data(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("Data");
        xml.writeAttribute("name", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void geometry(XMLStreamWriter xml, Geometry geometry) throws XMLStreamException {
        if (geometry.isEmpty()) {
            return;
        }
        if (geometry instanceof Point point) {
            xml.writeStartElement("Point");
            element(xml, "coordinates", coordinates(point.getCoordinates()));
        } else if (geometry instanceof LineString line) {
            xml.writeStartElement("LineString");
            element(xml, "coordinates", coordinates(line.getCoordinates()));
        } else if (geometry instanceof Polygon polygon) {
            Polygon oriented = (Polygon) polygon.norm().reverse(); // outer ring counter-clockwise
            xml.writeStartElement("Polygon");
            ring(xml, "outerBoundaryIs", oriented.getExteriorRing());
            for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
                ring(xml, "innerBoundaryIs", oriented.getInteriorRingN(i));
            }
        } else {
            xml.writeStartElement("MultiGeometry");
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                geometry(xml, geometry.getGeometryN(i));
            }
        }
        xml.writeEndElement();
    }

    private static void ring(XMLStreamWriter xml, String boundary, LineString ring) throws XMLStreamException {
        xml.writeStartElement(boundary);
        xml.writeStartElement("LinearRing");
        element(xml, "coordinates", coordinates(ring.getCoordinates()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String coordinates(Coordinate[] coordinates) {
        StringBuilder text = new StringBuilder(coordinates.length * 24);
        for (Coordinate coordinate : coordinates) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(Attributes.text(Math.round(coordinate.x * 1e7) / 1e7)).append(',')
                    .append(Attributes.text(Math.round(coordinate.y * 1e7) / 1e7));
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
