package org.vigie.gis.internal;

import java.io.IOException;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.vigie.api.service.GeoFeature;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes GeoJSON (RFC 7946) with a streaming generator, so a large layer never sits in memory as a tree. Coordinates
 * are rounded to about a centimetre: 7 decimals in degrees, 2 in metres.
 */
public final class GeoJson {
    private GeoJson() {
    }

    /** Writes one feature whose geometry has already been moved to the output system ({@code geometry}). */
    public static void writeFeature(JsonGenerator json, GeoFeature feature, Geometry geometry) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeStringField("id", feature.id());
        json.writeFieldName("geometry");
        writeGeometry(json, geometry);
        json.writeFieldName("properties");
        writeProperties(json, feature.properties());
        json.writeEndObject();
    }

    public static void writeProperties(JsonGenerator json, Map<String, Object> properties) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            json.writeFieldName(property.getKey());
            Object value = property.getValue();
            if (value instanceof Number number && !(value instanceof Double d && !Double.isFinite(d))) {
                json.writeObject(number);
            } else if (value instanceof Boolean bool) {
                json.writeBoolean(bool);
            } else if (value == null || value instanceof Double) {
                json.writeNull();
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }

    public static void writeGeometry(JsonGenerator json, Geometry geometry) throws IOException {
        double scale = geometry.getSRID() == Reprojection.WGS84 ? 1e7 : 1e2;
        writeGeometry(json, geometry, scale);
    }

    private static void writeGeometry(JsonGenerator json, Geometry geometry, double scale) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString) && !(geometry instanceof MultiPolygon)) {
            json.writeArrayFieldStart("geometries");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                writeGeometry(json, collection.getGeometryN(i), scale);
            }
            json.writeEndArray();
        } else {
            json.writeFieldName("coordinates");
            writeCoordinates(json, geometry, scale);
        }
        json.writeEndObject();
    }

    private static void writeCoordinates(JsonGenerator json, Geometry geometry, double scale) throws IOException {
        if (geometry instanceof Point point) {
            if (point.isEmpty()) {
                json.writeStartArray();
                json.writeEndArray();
            } else {
                writePosition(json, point.getCoordinate(), scale);
            }
        } else if (geometry instanceof LineString line) {
            writePositions(json, line.getCoordinates(), scale);
        } else if (geometry instanceof Polygon polygon) {
            json.writeStartArray();
            if (!polygon.isEmpty()) {
                // RFC 7946: exterior rings counter-clockwise, holes clockwise
                Polygon oriented = (Polygon) polygon.norm().reverse();
                writePositions(json, oriented.getExteriorRing().getCoordinates(), scale);
                for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
                    writePositions(json, oriented.getInteriorRingN(i).getCoordinates(), scale);
                }
            }
            json.writeEndArray();
        } else {
            json.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                writeCoordinates(json, geometry.getGeometryN(i), scale);
            }
            json.writeEndArray();
        }
    }

    private static void writePositions(JsonGenerator json, Coordinate[] coordinates, double scale)
            throws IOException {
        json.writeStartArray();
        for (Coordinate coordinate : coordinates) {
            writePosition(json, coordinate, scale);
        }
        json.writeEndArray();
    }

    private static void writePosition(JsonGenerator json, Coordinate coordinate, double scale) throws IOException {
        json.writeStartArray();
        json.writeNumber(Math.round(coordinate.x * scale) / scale);
        json.writeNumber(Math.round(coordinate.y * scale) / scale);
        json.writeEndArray();
    }
}
