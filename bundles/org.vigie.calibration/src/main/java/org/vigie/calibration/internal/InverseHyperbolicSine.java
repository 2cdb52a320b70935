package org.vigie.calibration.internal;

/**
 * asinh, which java.lang.Math lacks. The naive log(x + sqrt(x² + 1)) loses precision for small |x| and overflows for
 * huge |x|; this follows the classic piecewise evaluation of C math libraries (the one R calls) so that transformed
 * parameters match airGR's to the last bit as often as possible.
 */
final class InverseHyperbolicSine {

    private static final double LN2 = 0.6931471805599453;
    private static final double HUGE = 0x1p28;
    private static final double TINY = 0x1p-28;

    private InverseHyperbolicSine() {
    }

    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double magnitude = Math.abs(x);
        if (magnitude < TINY) {
            return x;
        }
        double result;
        if (magnitude > HUGE) {
            result = Math.log(magnitude) + LN2;
        } else if (magnitude > 2.0) {
            result = Math.log(2.0 * magnitude + 1.0 / (Math.sqrt(x * x + 1.0) + magnitude));
        } else {
            double square = x * x;
            result = Math.log1p(magnitude + square / (1.0 + Math.sqrt(1.0 + square)));
        }
        return Math.copySign(result, x);
    }
}
