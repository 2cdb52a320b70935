package org.vigie.hydrology.internal.criteria;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A transformation applied to observed and simulated flows before a criterion is computed, with airGR's semantics
 * (argument {@code transfo} of {@code CreateInputsCrit}):
 * <ul>
 *   <li>{@code NONE} ({@code ""}), {@code SQRT}, {@code LOG}, {@code INVERSE} ({@code "inv"}: 1/Q);</li>
 *   <li>{@code SORT}: both series sorted ascending (flow-duration curves compared rank by rank);</li>
 *   <li>{@code BOX_COX}: {@code (Q^0.25 - mu) / 0.25} with {@code mu = (0.01 · mean(Qobs))^0.25}; the epsilon offset
 *       is never applied with this transformation;</li>
 *   <li>{@code POWER}: {@code Q^exponent}.</li>
 * </ul>
 */
public final class FlowTransformation {

    public enum Kind { NONE, SQRT, LOG, INVERSE, SORT, BOX_COX, POWER }

    public static final FlowTransformation NONE = new FlowTransformation(Kind.NONE, Double.NaN);
    public static final FlowTransformation SQRT = new FlowTransformation(Kind.SQRT, Double.NaN);
    public static final FlowTransformation LOG = new FlowTransformation(Kind.LOG, Double.NaN);
    public static final FlowTransformation INVERSE = new FlowTransformation(Kind.INVERSE, Double.NaN);
    public static final FlowTransformation SORT = new FlowTransformation(Kind.SORT, Double.NaN);
    public static final FlowTransformation BOX_COX = new FlowTransformation(Kind.BOX_COX, Double.NaN);

    private final Kind kind;
    private final double exponent;

    private FlowTransformation(Kind kind, double exponent) {
        this.kind = kind;
        this.exponent = exponent;
    }

    public static FlowTransformation power(double exponent) {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("power exponent must be finite, got " + exponent);
        }
        return new FlowTransformation(Kind.POWER, exponent);
    }

    /**
     * Parses an airGR {@code transfo} string: {@code ""}, {@code "sqrt"}, {@code "log"}, {@code "inv"},
     * {@code "sort"}, {@code "boxcox"}, or a power written as {@code "0.5"} or {@code "^0.5"} (airGR strips the caret
     * and letters before reading the number).
     */
    public static FlowTransformation parse(String airGrName) {
        Objects.requireNonNull(airGrName, "airGrName");
        switch (airGrName) {
            case "":
            case "none":
                return NONE;
            case "sqrt":
                return SQRT;
            case "log":
                return LOG;
            case "inv":
                return INVERSE;
            case "sort":
                return SORT;
            case "boxcox":
                return BOX_COX;
            default:
                String digits = airGrName.replaceAll("\\^|\\p{Alpha}", "");
                try {
                    return power(Double.parseDouble(digits));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + airGrName + "' is not an airGR transformation: expected "
                            + "\"\", sqrt, log, inv, sort, boxcox or a numeric power", e);
                }
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The power exponent, NaN unless {@link Kind#POWER}. */
    public double exponent() {
        return exponent;
    }

    /** Whether a zero flow cannot be transformed without an epsilon offset. */
    public boolean breaksOnZero() {
        return kind == Kind.LOG || kind == Kind.INVERSE;
    }

    /** airGR's criterion label, e.g. {@code NSE[Q]}, {@code KGE[sqrt(Q)]}, {@code NSE[1/Q]}, {@code RMSE[Q^0.5]}. */
    public String criterionName(String criterion, String variable) {
        switch (kind) {
            case NONE:
                return criterion + "[" + variable + "]";
            case INVERSE:
                return criterion + "[1/" + variable + "]";
            case POWER:
                return criterion + "[" + variable + "^" + formatLikeR(exponent) + "]";
            default:
                return criterion + "[" + kind.name().toLowerCase(Locale.ROOT).replace("_", "") + "(" + variable + ")]";
        }
    }

    private static String formatLikeR(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlowTransformation
                && ((FlowTransformation) other).kind == kind
                && Double.compare(((FlowTransformation) other).exponent, exponent) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, exponent);
    }

    @Override
    public String toString() {
        return kind == Kind.POWER ? "POWER(" + exponent + ")" : kind.name();
    }
}
