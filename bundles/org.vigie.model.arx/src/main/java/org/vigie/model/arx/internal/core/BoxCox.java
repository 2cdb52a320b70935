package org.vigie.model.arx.internal.core;

/**
 * The Box-Cox transformation z = (y^λ − 1)/λ (z = ln y for λ = 0), which makes discharge errors more
 * homoscedastic; λ = 1 leaves values unchanged (no shift is applied, so levels below the gauge zero stay usable).
 */
public record BoxCox(double lambda) {

    public static final BoxCox IDENTITY = new BoxCox(1);

    public BoxCox {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("Box-Cox lambda = " + lambda + " outside [0, 1]");
        }
    }

    /** @return the transformed value; NaN stays NaN */
    public double apply(double y) {
        if (lambda == 1 || Double.isNaN(y)) {
            return y;
        }
        if (y < 0 || (lambda == 0 && y == 0)) {
            throw new IllegalArgumentException("Box-Cox with lambda " + lambda + " needs values "
                    + (lambda == 0 ? "above 0" : "of at least 0") + ", got " + y);
        }
        return lambda == 0 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
    }

    /** @return the value in the original unit; a transformed value below the range maps to 0 */
    public double invert(double z) {
        if (lambda == 1) {
            return z;
        }
        if (lambda == 0) {
            return Math.exp(z);
        }
        double base = lambda * z + 1;
        return base <= 0 ? 0 : Math.pow(base, 1 / lambda);
    }

    /** @return a transformed copy */
    public double[] apply(double[] values) {
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            z[i] = apply(values[i]);
        }
        return z;
    }
}
