package org.vigie.connector.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vigie.api.Quantity;

/**
 * A unit a sensor may send a quantity in, and how to bring it to Vigie's unit ({@link Quantity#unit()}): divide by
 * {@link #divisor()}. Dividing (rather than multiplying by 0.01) keeps e.g. 123 cm exactly 1.23 m.
 */
enum ValueUnit {
    H_M(Quantity.H, "m", 1),
    H_CM(Quantity.H, "cm", 100),
    H_MM(Quantity.H, "mm", 1000),
    Q_M3_S(Quantity.Q, "m3/s", 1),
    Q_L_S(Quantity.Q, "l/s", 1000),
    Q_M3_H(Quantity.Q, "m3/h", 3600),
    P_MM(Quantity.P, "mm", 1),
    E_MM(Quantity.E, "mm", 1),
    T_DEGC(Quantity.T, "degC", 1);

    private final Quantity quantity;
    private final String symbol;
    private final double divisor;

    ValueUnit(Quantity quantity, String symbol, double divisor) {
        this.quantity = quantity;
        this.symbol = symbol;
        this.divisor = divisor;
    }

    Quantity quantity() {
        return quantity;
    }

    String symbol() {
        return symbol;
    }

    double divisor() {
        return divisor;
    }

    /** @return {@code value} in Vigie's unit of the quantity */
    double toVigie(double value) {
        return divisor == 1 ? value : value / divisor;
    }

    /** @return the unit Vigie holds {@code quantity} in */
    static ValueUnit vigieUnitOf(Quantity quantity) {
        for (ValueUnit unit : values()) {
            if (unit.quantity == quantity && unit.divisor == 1) {
                return unit;
            }
        }
        throw new IllegalStateException("no unit for " + quantity);
    }

    /**
     * Reads a unit symbol for a quantity, ignoring case and blanks; {@code m³/s}, {@code m^3/s}, {@code L/s} and
     * {@code °C} are accepted spellings. An empty symbol means Vigie's unit.
     */
    static Optional<ValueUnit> parse(Quantity quantity, String symbol) {
        String normalized = normalize(symbol);
        if (normalized.isEmpty()) {
            return Optional.of(vigieUnitOf(quantity));
        }
        for (ValueUnit unit : values()) {
            if (unit.quantity == quantity && normalize(unit.symbol).equals(normalized)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** @return e.g. {@code "m, cm, mm"} */
    static String symbolsOf(Quantity quantity) {
        List<String> symbols = new ArrayList<>();
        for (ValueUnit unit : values()) {
            if (unit.quantity == quantity) {
                symbols.add(unit.symbol);
            }
        }
        return String.join(", ", symbols);
    }

    private static String normalize(String symbol) {
        if (symbol == null) {
            return "";
        }
        return symbol.replaceAll("\\s+", "")
                .replace("³", "3")
                .replace("^3", "3")
                .replace("°c", "degc")
                .replace("°C", "degc")
                .toLowerCase(Locale.ROOT);
    }
}
