package org.vigie.calibration.internal;

/**
 * Bijection between the physical value of one model parameter and the value the optimisers move in. Searching in the
 * transformed space lets a single step size (airGR's pace) be meaningful for a store capacity in mm and a delay in days
 * alike.
 *
 * <p>The formulas keep airGR's exact operation order so that real → transformed → real round trips round like airGR's,
 * which matters because the Michel search compares transformed values for exact equality.</p>
 */
public interface ParameterTransform {

    double toReal(double transformed);

    double toTransformed(double real);

    /** real = exp(t) / realDivisor (store capacities use a divisor of 1, CemaNeige's melt factor 200). */
    static ParameterTransform exponential(double realDivisor) {
        return new Exponential(realDivisor);
    }

    /** real = sinh(t / transformedDivisor): keeps the sign of exchange coefficients and compresses large values. */
    static ParameterTransform hyperbolicSine(double transformedDivisor) {
        return new HyperbolicSine(transformedDivisor);
    }

    /**
     * real = realCentre + realSpan · (t − transformedCentre) / transformedSpan, the linear maps airGR uses for unit
     * hydrograph times and bounded coefficients.
     */
    static ParameterTransform affine(double realCentre, double realSpan, double transformedCentre, double transformedSpan) {
        return new Affine(realCentre, realSpan, transformedCentre, transformedSpan);
    }

    record Exponential(double realDivisor) implements ParameterTransform {
        @Override
        public double toReal(double transformed) {
            return Math.exp(transformed) / realDivisor;
        }

        @Override
        public double toTransformed(double real) {
            return Math.log(real * realDivisor);
        }
    }

    record HyperbolicSine(double transformedDivisor) implements ParameterTransform {
        @Override
        public double toReal(double transformed) {
            return Math.sinh(transformed / transformedDivisor);
        }

        @Override
        public double toTransformed(double real) {
            return transformedDivisor * InverseHyperbolicSine.asinh(real);
        }
    }

    record Affine(double realCentre, double realSpan, double transformedCentre, double transformedSpan)
            implements ParameterTransform {
        @Override
        public double toReal(double transformed) {
            return realCentre + realSpan * (transformed - transformedCentre) / transformedSpan;
        }

        @Override
        public double toTransformed(double real) {
            return transformedCentre + transformedSpan * (real - realCentre) / realSpan;
        }
    }
}
