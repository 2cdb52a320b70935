package org.vigie.model.arx.internal.core;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Least-squares fit of an ARX model (one-step-ahead errors), a pure function of the series. Rows with a missing
 * value (target or any regressor) are left out. A regressor that does not vary over the rows (e.g. rainfall over a
 * dry history window) cannot be told apart from the intercept: it gets coefficient 0 and is left out of the
 * regression. Solved by commons-math3's {@link OLSMultipleLinearRegression} (Householder QR).
 */
public final class ArxFit {

    private ArxFit() {
    }

    /**
     * @param y    target, one value per step (NaN when missing)
     * @param x    exogenous inputs, one array per {@link ArxOrders#inputs() input slot}, same length as y
     *             (unused slots may be {@code null})
     * @param from first step whose equation may enter the fit
     * @param to   step after the last one
     * @throws IllegalArgumentException when there are too few complete rows or the regressors are collinear
     */
    public static ArxCoefficients fit(ArxOrders orders, double[] y, double[][] x, int from, int to) {
        int p = orders.coefficientCount();
        double[] row = new double[p];
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (int t = Math.max(from, orders.maxLag()); t < Math.min(to, y.length); t++) {
            if (!Double.isFinite(y[t])) {
                continue;
            }
            orders.regressors(y, x, t, row);
            if (allFinite(row)) {
                rows.add(row.clone());
                targets.add(y[t]);
            }
        }
        int n = rows.size();
        if (n < 2 * p) {
            throw new IllegalArgumentException("only " + n + " complete steps to fit " + p
                    + " coefficients (at least " + 2 * p + " needed); lengthen the history or lower the orders");
        }
        // columns 1… that vary over the rows enter the regression (column 0 is the intercept)
        List<Integer> used = new ArrayList<>();
        for (int c = 1; c < p; c++) {
            double first = rows.get(0)[c];
            for (double[] r : rows) {
                if (r[c] != first) {
                    used.add(c);
                    break;
                }
            }
        }
        double[][] design = new double[n][used.size()];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < used.size(); c++) {
                design[i][c] = rows.get(i)[used.get(c)];
            }
            target[i] = targets.get(i);
        }
        double[] values = new double[p];
        double residualStd;
        if (used.isEmpty()) {
            double mean = 0;
            for (double v : target) {
                mean += v / n;
            }
            values[0] = mean;
            residualStd = Double.NaN;
        } else {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(target, design);
            double[] beta;
            try {
                beta = ols.estimateRegressionParameters();
                residualStd = ols.estimateRegressionStandardError();
            } catch (SingularMatrixException e) {
                throw new IllegalArgumentException("the ARX regressors are collinear over the fit window (" + n
                        + " steps); lower the orders or use a longer, more varied history");
            }
            values[0] = beta[0];
            for (int c = 0; c < used.size(); c++) {
                values[used.get(c)] = beta[c + 1];
            }
        }
        return new ArxCoefficients(orders, values, n, residualStd);
    }

    private static boolean allFinite(double[] row) {
        for (double v : row) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
