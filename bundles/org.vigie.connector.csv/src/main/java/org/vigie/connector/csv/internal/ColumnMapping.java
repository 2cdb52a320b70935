package org.vigie.connector.csv.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vigie.api.Quantity;

/**
 * A station's own CSV layout: which header names the time and which columns hold which quantity in which unit
 * (converted to Vigie's units at reading), and optionally the pattern of its times. Without a mapping, files use
 * the default layout (first column the time, then columns named H, Q, P, E, T in Vigie's units).
 *
 * @param timeColumn header of the time column
 * @param columns    header → quantity and factor to Vigie's unit; other columns are ignored
 * @param timeFormat pattern of the times ({@link DateTimeFormatter} syntax), tried before the built-in formats
 */
record ColumnMapping(String timeColumn, Map<String, Column> columns, Optional<DateTimeFormatter> timeFormat) {

    /** No mapping: the default layout. */
    static final ColumnMapping NONE = new ColumnMapping("", Map.of(), Optional.empty());

    /** A mapped column. */
    record Column(Quantity quantity, double toVigieUnit) {
    }

    /** Factors from the units a file may use to Vigie's (m, m³/s, mm, °C). */
    private static final Map<Quantity, Map<String, Double>> UNITS = Map.of(
            Quantity.H, Map.of("m", 1.0, "cm", 0.01, "mm", 0.001),
            Quantity.Q, Map.of("m3/s", 1.0, "m³/s", 1.0, "l/s", 0.001),
            Quantity.P, Map.of("mm", 1.0),
            Quantity.E, Map.of("mm", 1.0),
            Quantity.T, Map.of("°c", 1.0, "c", 1.0));

    ColumnMapping {
        // header order is the order the observations of a row come in
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    boolean isDefault() {
        return columns.isEmpty();
    }

    /**
     * Reads the configuration: entries {@code <header>=time} (one) and {@code <header>=<quantity>[:<unit>]}, e.g.
     * {@code "Date (TU)=time"}, {@code "Valeur (en m³/s)=Q"}, {@code "Hauteur (mm)=H:mm"}.
     *
     * @param problems receives one operator-worded line per invalid entry
     */
    static ColumnMapping parse(String[] entries, String timePattern, List<String> problems) {
        Optional<DateTimeFormatter> format = Optional.empty();
        if (timePattern != null && !timePattern.isBlank()) {
            try {
                format = Optional.of(DateTimeFormatter.ofPattern(timePattern.trim(), Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("invalid timeFormat '" + timePattern + "': " + e.getMessage());
            }
        }
        List<String> given = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry != null && !entry.isBlank()) {
                given.add(entry.trim());
            }
        }
        if (given.isEmpty()) {
            return new ColumnMapping("", Map.of(), format);
        }
        String time = null;
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String entry : given) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                problems.add("columns entry '" + entry + "' is not <header>=time or <header>=<quantity>[:<unit>]");
                continue;
            }
            String header = entry.substring(0, equals).trim();
            String target = entry.substring(equals + 1).trim();
            if (target.equalsIgnoreCase("time")) {
                if (time != null) {
                    problems.add("columns maps two headers to time: '" + time + "' and '" + header + "'");
                }
                time = header;
                continue;
            }
            String[] quantityAndUnit = target.split(":", 2);
            Quantity quantity;
            try {
                quantity = Quantity.parse(quantityAndUnit[0].trim());
            } catch (IllegalArgumentException e) {
                problems.add("columns entry '" + entry + "': " + e.getMessage());
                continue;
            }
            double factor = 1.0;
            if (quantityAndUnit.length == 2) {
                Double known = UNITS.get(quantity).get(quantityAndUnit[1].trim().toLowerCase(Locale.ROOT));
                if (known == null) {
                    problems.add("columns entry '" + entry + "': unit '" + quantityAndUnit[1].trim()
                            + "' unknown for " + quantity + ", expected one of " + UNITS.get(quantity).keySet());
                    continue;
                }
                factor = known;
            }
            if (columns.values().stream().anyMatch(c -> c.quantity() == quantity)) {
                problems.add("columns maps two headers to " + quantity);
            }
            columns.put(header, new Column(quantity, factor));
        }
        if (time == null) {
            problems.add("columns has no <header>=time entry");
            time = "";
        }
        if (columns.isEmpty()) {
            problems.add("columns maps no header to a quantity");
        }
        return new ColumnMapping(time, columns, format);
    }
}
