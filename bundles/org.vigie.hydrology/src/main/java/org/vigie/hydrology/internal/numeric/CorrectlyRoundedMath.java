package org.vigie.hydrology.internal.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Correctly rounded {@code exp}, {@code sin}, {@code cos} and {@code acos}, evaluated in 40-digit decimal arithmetic
 * and rounded once to double.
 *
 * <p>R calls glibc's libm, whose functions are correctly rounded for all but rare near-halfway arguments, whereas
 * {@link Math} and {@link StrictMath} may be one unit in the last place away. On airGR's PE_Oudin reference this
 * raises the rows identical to R's printed 15 digits from 10468 to 10581 of 10593. The cost (tens of microseconds a
 * call) suits per-data-set preprocessing, not inner model loops.
 */
public final class CorrectlyRoundedMath {

    private static final MathContext WORKING = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899863");
    private static final BigDecimal TWO_PI = PI.add(PI);
    private static final BigDecimal SERIES_TOLERANCE = BigDecimal.ONE.movePointLeft(WORKING.getPrecision() + 3);
    private static final BigDecimal EXP_REDUCED_ARGUMENT_LIMIT = new BigDecimal("0.125");
    /** Beyond this the 85-digit pi no longer reduces trigonometric arguments exactly enough. */
    private static final double LARGEST_REDUCIBLE_ARGUMENT = 1e30;
    private static final double LARGEST_EXP_ARGUMENT = 700;

    private CorrectlyRoundedMath() {
    }

    public static double exp(double x) {
        if (!Double.isFinite(x) || Math.abs(x) > LARGEST_EXP_ARGUMENT) {
            return StrictMath.exp(x);
        }
        if (x == 0.0) {
            return 1.0;
        }
        int halvings = 0;
        BigDecimal reduced = new BigDecimal(x);
        while (reduced.abs().compareTo(EXP_REDUCED_ARGUMENT_LIMIT) > 0) {
            reduced = reduced.divide(BigDecimal.valueOf(2), WORKING);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; term.abs().compareTo(SERIES_TOLERANCE) > 0; k++) {
            term = term.multiply(reduced, WORKING).divide(BigDecimal.valueOf(k), WORKING);
            sum = sum.add(term, WORKING);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, WORKING);
        }
        return sum.doubleValue();
    }

    public static double sin(double x) {
        if (!Double.isFinite(x) || Math.abs(x) > LARGEST_REDUCIBLE_ARGUMENT) {
            return StrictMath.sin(x);
        }
        return x == 0.0 ? x : sin(new BigDecimal(x)).doubleValue();
    }

    public static double cos(double x) {
        if (!Double.isFinite(x) || Math.abs(x) > LARGEST_REDUCIBLE_ARGUMENT) {
            return StrictMath.cos(x);
        }
        return cos(new BigDecimal(x)).doubleValue();
    }

    /** Arc cosine in [0, π]; NaN outside [-1, 1]. */
    public static double acos(double x) {
        if (!(Math.abs(x) < 1.0)) {
            return StrictMath.acos(x);
        }
        // One Newton step on cos(y) = x from the libm estimate squares its 1e-16 relative error.
        BigDecimal target = new BigDecimal(x);
        BigDecimal y = new BigDecimal(StrictMath.acos(x));
        for (int i = 0; i < 2; i++) {
            y = y.add(cos(y).subtract(target, WORKING).divide(sin(y), WORKING), WORKING);
        }
        return y.doubleValue();
    }

    private static BigDecimal reducedToPlusMinusPi(BigDecimal x) {
        BigDecimal turns = x.divide(TWO_PI, WORKING).setScale(0, RoundingMode.HALF_EVEN);
        return turns.signum() == 0 ? x : x.subtract(TWO_PI.multiply(turns), WORKING);
    }

    private static BigDecimal sin(BigDecimal angle) {
        BigDecimal x = reducedToPlusMinusPi(angle);
        BigDecimal squared = x.multiply(x, WORKING);
        BigDecimal term = x;
        BigDecimal sum = x;
        for (long k = 1; term.abs().compareTo(SERIES_TOLERANCE) > 0; k++) {
            term = term.multiply(squared, WORKING).divide(BigDecimal.valueOf((2 * k) * (2 * k + 1)), WORKING).negate();
            sum = sum.add(term, WORKING);
        }
        return sum;
    }

    private static BigDecimal cos(BigDecimal angle) {
        BigDecimal x = reducedToPlusMinusPi(angle);
        BigDecimal squared = x.multiply(x, WORKING);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (long k = 1; term.abs().compareTo(SERIES_TOLERANCE) > 0; k++) {
            term = term.multiply(squared, WORKING).divide(BigDecimal.valueOf((2 * k - 1) * (2 * k)), WORKING).negate();
            sum = sum.add(term, WORKING);
        }
        return sum;
    }
}
