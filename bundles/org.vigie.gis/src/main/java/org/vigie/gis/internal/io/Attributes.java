package org.vigie.gis.internal.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vigie.api.service.GeoFeature;

/**
 * The attribute columns of a layer to export: every property name in first-appearance order, with one type per column
 * (the formats with typed columns need one), so that a value of another type is written as text rather than lost.
 */
final class Attributes {
    /** A column type every format knows. */
    enum Kind { TEXT, INTEGER, REAL, BOOLEAN }

    /**
     * One attribute column.
     *
     * @param name   the property's name
     * @param column the column's name: the property's, unless a format keeps it for itself (fid, geom, the_geom,
     *               WKT), then with "_1" appended
     */
    record Field(String name, String column, Kind kind) {
    }

    /** Column names the formats use themselves (GeoPackage fid and geom, shapefile the_geom, CSV WKT). */
    private static final Set<String> RESERVED = Set.of("fid", "geom", "the_geom", "wkt");

    private Attributes() {
    }

    static List<Field> fields(List<GeoFeature> features) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (GeoFeature feature : features) {
            for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                Kind now = kindOf(property.getValue());
                Kind before = kinds.get(property.getKey());
                // nulls say nothing; integers and reals mix as reals; anything else mixed becomes text
                kinds.put(property.getKey(), now == null ? before : before == null || before == now ? now
                        : isNumeric(before) && isNumeric(now) ? Kind.REAL : Kind.TEXT);
            }
        }
        List<Field> fields = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        kinds.keySet().forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
        kinds.forEach((name, kind) -> {
            String column = name;
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                int n = 1;
                while (!taken.add((name + "_" + n).toLowerCase(Locale.ROOT))) {
                    n++;
                }
                column = name + "_" + n;
            }
            fields.add(new Field(name, column, kind == null ? Kind.TEXT : kind));
        });
        return fields;
    }

    /** @return the name of the column holding feature ids: "id", or "feature_id" when a property is called "id" */
    static String idColumn(List<Field> fields) {
        return fields.stream().anyMatch(field -> field.column().equalsIgnoreCase("id")) ? "feature_id" : "id";
    }

    /** @return {@code value} as a String, Long, Double or Boolean fitting {@code kind}, or null */
    static Object value(Object value, Kind kind) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        return switch (kind) {
            case INTEGER -> ((Number) value).longValue();
            case REAL -> ((Number) value).doubleValue();
            case BOOLEAN -> value;
            case TEXT -> text(value);
        };
    }

    /** @return a value as text, numbers without exponent or trailing zeros */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString() : "";
        }
        return value.toString();
    }

    private static Kind kindOf(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger && ((BigInteger) value).bitLength() < 64) {
            return Kind.INTEGER;
        } else if (value instanceof Number) {
            return Kind.REAL;
        }
        return Kind.TEXT;
    }

    private static boolean isNumeric(Kind kind) {
        return kind == Kind.INTEGER || kind == Kind.REAL;
    }
}
