package org.vigie.model.arx.internal.core;

/**
 * Multi-step ARX forecasts by recursion: the one-step model is applied lead after lead, each forecast taking the
 * place of the unknown observation in the lags of the next one. Exogenous inputs beyond the issue time must be
 * given (a scenario: zero rain, a stored forecast, the last value held…).
 */
public final class ArxPredictor {

    private ArxPredictor() {
    }

    /**
     * @param y       target up to and including {@code issue} (later values are ignored)
     * @param x       inputs on the same grid, filled beyond {@code issue} up to {@code issue + horizon}
     * @param issue   index of the issue time
     * @param horizon number of steps forecast
     * @return the forecasts for steps issue + 1 … issue + horizon
     * @throws IllegalArgumentException naming the step and the series whose value a forecast needs but lacks
     */
    public static double[] forecast(ArxCoefficients coefficients, double[] y, double[][] x, int issue, int horizon) {
        ArxOrders orders = coefficients.orders();
        double[] z = java.util.Arrays.copyOf(y, issue + horizon + 1);
        for (int i = 1; i <= orders.na(); i++) {
            if (issue + 1 - i < 0 || !Double.isFinite(z[issue + 1 - i])) {
                throw new MissingValue("target", issue + 1 - i);
            }
        }
        for (int j = 0; j < orders.inputs(); j++) {
            for (int k = orders.nk(j); k < orders.nk(j) + orders.nb(j); k++) {
                for (int h = 1; h <= horizon; h++) {
                    int t = issue + h - k;
                    if (t < 0 || t >= x[j].length || !Double.isFinite(x[j][t])) {
                        throw new MissingValue("x" + (j + 1), t);
                    }
                }
            }
        }
        double[] row = new double[orders.coefficientCount()];
        double[] out = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            z[issue + h] = coefficients.predict(z, x, issue + h, row);
            out[h - 1] = z[issue + h];
        }
        return out;
    }

    /** A value a forecast needs is missing; {@link #step} is the grid index, possibly negative. */
    public static final class MissingValue extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String series;
        private final int step;

        MissingValue(String series, int step) {
            super(series + " has no value at step " + step);
            this.series = series;
            this.step = step;
        }

        public String series() {
            return series;
        }

        public int step() {
            return step;
        }
    }
}
