package org.vigie.hydrology.internal.numeric;

import java.math.BigInteger;

/**
 * An exact emulation of the x87 80-bit {@code long double} (64-bit significand, round half to even) that R uses
 * on x86-64 Linux for its accumulations ({@code sum}, {@code mean}, {@code rowMeans}, {@code var}).
 *
 * <p>Reproducing airGR to the last bit requires this in the few places where a long-double result feeds a model
 * (layer precipitation scaling, mean annual solid precipitation). It is slow (arbitrary-precision integers), so it
 * is only used on preprocessing paths that run once per data set, never inside calibration loops.
 *
 * <p>Values are {@code significand × 2^exponent}. Only finite values are supported; subnormal doubles are
 * represented exactly but a result landing in the double subnormal range is rounded once more by
 * {@link Math#scalb(double, int)}, which cannot happen with hydrological magnitudes.
 */
public final class X87Extended {

    private static final int LONG_DOUBLE_PRECISION = 64;
    private static final int DOUBLE_PRECISION = 53;
    /** Extra quotient bits so that a division result always carries more bits than the target precision. */
    private static final int DIVISION_GUARD_BITS = 2 * LONG_DOUBLE_PRECISION + 2;

    public static final X87Extended ZERO = new X87Extended(BigInteger.ZERO, 0);

    private final BigInteger significand;
    private final int exponent;

    private X87Extended(BigInteger significand, int exponent) {
        this.significand = significand;
        this.exponent = exponent;
    }

    /** Exact conversion, as C does when a double is promoted to long double. */
    public static X87Extended of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("x87 emulation only supports finite values, got " + value);
        }
        if (value == 0.0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(value);
        long fraction = bits & ((1L << 52) - 1);
        int biasedExponent = (int) ((bits >>> 52) & 0x7ff);
        long magnitude;
        int binaryExponent;
        if (biasedExponent == 0) {
            magnitude = fraction;
            binaryExponent = -1074;
        } else {
            magnitude = fraction | (1L << 52);
            binaryExponent = biasedExponent - 1075;
        }
        BigInteger significand = BigInteger.valueOf(value < 0 ? -magnitude : magnitude);
        return new X87Extended(significand, binaryExponent);
    }

    public X87Extended plus(X87Extended other) {
        if (significand.signum() == 0) {
            return other;
        }
        if (other.significand.signum() == 0) {
            return this;
        }
        int commonExponent = Math.min(exponent, other.exponent);
        BigInteger exactSum = significand.shiftLeft(exponent - commonExponent)
                .add(other.significand.shiftLeft(other.exponent - commonExponent));
        return rounded(exactSum, commonExponent, false, LONG_DOUBLE_PRECISION);
    }

    public X87Extended plus(double value) {
        return plus(of(value));
    }

    public X87Extended minus(X87Extended other) {
        return plus(new X87Extended(other.significand.negate(), other.exponent));
    }

    /** {@code this / divisor} rounded once to the long-double grid, as {@code ldouble /= (R_xlen_t) n} does. */
    public X87Extended dividedBy(long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (significand.signum() == 0) {
            return ZERO;
        }
        BigInteger[] quotientAndRemainder = significand.abs().shiftLeft(DIVISION_GUARD_BITS)
                .divideAndRemainder(BigInteger.valueOf(Math.abs(divisor)));
        BigInteger quotient = quotientAndRemainder[0];
        if ((significand.signum() < 0) != (divisor < 0)) {
            quotient = quotient.negate();
        }
        boolean inexact = quotientAndRemainder[1].signum() != 0;
        return rounded(quotient, exponent - DIVISION_GUARD_BITS, inexact, LONG_DOUBLE_PRECISION);
    }

    /** The C cast {@code (double) x}: one rounding from 64 to 53 significant bits. */
    public double toDouble() {
        if (significand.signum() == 0) {
            return 0.0;
        }
        X87Extended narrowed = rounded(significand, exponent, false, DOUBLE_PRECISION);
        return Math.scalb((double) narrowed.significand.longValueExact(), narrowed.exponent);
    }

    /**
     * Rounds {@code value × 2^exponent} to {@code precision} significant bits, half to even.
     * {@code inexactBelow} tells that non-zero bits were already discarded below {@code value}'s last bit.
     */
    private static X87Extended rounded(BigInteger value, int exponent, boolean inexactBelow, int precision) {
        if (value.signum() == 0) {
            return ZERO;
        }
        BigInteger magnitude = value.abs();
        int excessBits = magnitude.bitLength() - precision;
        if (excessBits <= 0) {
            if (inexactBelow) {
                throw new IllegalStateException("rounding lost bits that the target precision could hold");
            }
            return new X87Extended(value, exponent);
        }
        BigInteger kept = magnitude.shiftRight(excessBits);
        BigInteger dropped = magnitude.subtract(kept.shiftLeft(excessBits));
        BigInteger half = BigInteger.ONE.shiftLeft(excessBits - 1);
        int comparison = dropped.compareTo(half);
        boolean roundUp = comparison > 0
                || (comparison == 0 && (inexactBelow || kept.testBit(0)));
        if (roundUp) {
            kept = kept.add(BigInteger.ONE);
            if (kept.bitLength() > precision) {
                kept = kept.shiftRight(1);
                excessBits++;
            }
        }
        return new X87Extended(value.signum() < 0 ? kept.negate() : kept, exponent + excessBits);
    }
}
