package org.vigie.model.arx.internal.core;

import java.util.Arrays;

/**
 * Fitted ARX coefficients, in the order of {@link ArxOrders#regressors}: the intercept c, a_1…a_na, then each
 * input's b_{j,nk_j}…b_{j,nk_j+nb_j−1}.
 *
 * @param orders       the structure they belong to
 * @param values       the coefficients
 * @param rows         number of complete rows the fit used
 * @param residualStd  standard deviation of the one-step residuals (in the fitted, possibly transformed, unit)
 */
public record ArxCoefficients(ArxOrders orders, double[] values, int rows, double residualStd) {

    public ArxCoefficients {
        values = values.clone();
        if (values.length != orders.coefficientCount()) {
            throw new IllegalArgumentException(values.length + " coefficients for a structure of "
                    + orders.coefficientCount());
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return c + Σ coefficient·regressor for step {@code t} */
    double predict(double[] y, double[][] x, int t, double[] row) {
        orders.regressors(y, x, t, row);
        double sum = 0;
        for (int i = 0; i < row.length; i++) {
            sum += values[i] * row[i];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArxCoefficients other && orders.equals(other.orders) && Arrays.equals(values, other.values)
                && rows == other.rows && Double.compare(residualStd, other.residualStd) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * orders.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ArxCoefficients[" + orders + ", " + Arrays.toString(values) + ", rows=" + rows + ", residualStd="
                + residualStd + "]";
    }
}
