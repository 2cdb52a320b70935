package org.vigie.forecasting.internal;

/**
 * The Box-Cox transform in which forecast errors are modelled: {@code z = ((q + ε)^λ − 1) / λ}, or
 * {@code ln(q + ε)} when λ = 0. The offset ε keeps zero flows finite (airGR's convention for log criteria is
 * mean observed flow / 100). Immutable.
 *
 * @param lambda  Box-Cox exponent λ (0 = logarithm, 1 = plain flows shifted by one)
 * @param epsilon offset ε added to flows before transforming, in the flow unit (> 0 when λ ≤ 0)
 */
public record FlowTransform(double lambda, double epsilon) {

    public FlowTransform {
        if (!Double.isFinite(lambda) || !Double.isFinite(epsilon) || epsilon < 0) {
            throw new IllegalArgumentException("need a finite λ and a finite ε ≥ 0, got λ=" + lambda + ", ε="
                    + epsilon);
        }
        if (lambda <= 0 && epsilon == 0) {
            throw new IllegalArgumentException("λ ≤ 0 needs ε > 0 to keep zero flows finite");
        }
    }

    /** The logarithm with airGR's offset: ε = mean of the observed flows / 100 (NaN values skipped). */
    public static FlowTransform logWithAirGrEpsilon(double[] observed) {
        return boxCoxWithAirGrEpsilon(0, observed);
    }

    /** Box-Cox of exponent λ with ε = mean of the observed flows / 100 (NaN values skipped). */
    public static FlowTransform boxCoxWithAirGrEpsilon(double lambda, double[] observed) {
        double sum = 0;
        int n = 0;
        for (double q : observed) {
            if (Double.isFinite(q)) {
                sum += q;
                n++;
            }
        }
        if (n == 0 || !(sum > 0)) {
            throw new IllegalArgumentException("cannot derive ε from observed flows without a positive value");
        }
        return new FlowTransform(lambda, sum / n / 100);
    }

    public double forward(double q) {
        double shifted = Math.max(q, 0) + epsilon;
        return lambda == 0 ? Math.log(shifted) : (Math.pow(shifted, lambda) - 1) / lambda;
    }

    /** Back to a flow, never below 0 (the transform's range ends at q = 0 for positive λ). */
    public double inverse(double z) {
        double shifted;
        if (lambda == 0) {
            shifted = Math.exp(z);
        } else {
            double base = lambda * z + 1;
            shifted = base <= 0 ? 0 : Math.pow(base, 1 / lambda);
        }
        return Math.max(shifted - epsilon, 0);
    }
}
