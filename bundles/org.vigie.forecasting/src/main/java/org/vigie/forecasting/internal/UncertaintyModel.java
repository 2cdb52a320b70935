package org.vigie.forecasting.internal;

import java.util.Arrays;

/**
 * OTAMIN-style forecast uncertainty: the empirical distribution of past relative errors, by lead time and by class
 * of forecast flow. A past error is the ratio r = (Qobs + ε) / (Qf + ε) of the observed to the forecast discharge;
 * the distribution of r for lead k and for the class of Qf is kept as its quantiles on a fixed probability grid
 * (0, 0.5 %, 1 %, …, 99.5 %, 100 %), learnt from a hindcast ({@link UncertaintyLearner}). A forecast Qf then has
 *
 * <pre>
 *   quantile p:             Q_p = (Qf + ε) · r_p(k, class(Qf)) − ε        (never below 0)
 *   P(Q > S) at lead k:     1 − F_{k, class(Qf)}((S + ε) / (Qf + ε))
 * </pre>
 *
 * with F the empirical distribution function, linear between grid points. Leads beyond the learnt ones reuse the
 * last lead. Immutable.
 */
public final class UncertaintyModel {

    /** Probability grid of the stored quantiles: 0, 0.005, …, 1. */
    static final int GRID_INTERVALS = 200;

    private final double epsilon;
    private final double[] classBounds;
    private final double[][][] ratioQuantiles;

    /**
     * @param epsilon        flow offset ε of the ratios (flow unit of the forecasts)
     * @param classBounds    ascending forecast-flow limits between classes (C − 1 values for C classes)
     * @param ratioQuantiles [lead − 1][class][grid point] quantiles of r, non-decreasing along the grid
     */
    public UncertaintyModel(double epsilon, double[] classBounds, double[][][] ratioQuantiles) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("ε must be finite and > 0, got " + epsilon);
        }
        for (int c = 1; c < classBounds.length; c++) {
            if (!(classBounds[c] > classBounds[c - 1])) {
                throw new IllegalArgumentException("class bounds must increase: " + Arrays.toString(classBounds));
            }
        }
        if (ratioQuantiles.length == 0) {
            throw new IllegalArgumentException("no lead learnt");
        }
        this.epsilon = epsilon;
        this.classBounds = classBounds.clone();
        this.ratioQuantiles = new double[ratioQuantiles.length][][];
        for (int k = 0; k < ratioQuantiles.length; k++) {
            if (ratioQuantiles[k].length != classBounds.length + 1) {
                throw new IllegalArgumentException("lead " + (k + 1) + " has " + ratioQuantiles[k].length
                        + " classes, the bounds make " + (classBounds.length + 1));
            }
            this.ratioQuantiles[k] = new double[ratioQuantiles[k].length][];
            for (int c = 0; c < ratioQuantiles[k].length; c++) {
                double[] grid = ratioQuantiles[k][c];
                if (grid.length != GRID_INTERVALS + 1) {
                    throw new IllegalArgumentException("need " + (GRID_INTERVALS + 1) + " quantiles per class");
                }
                for (int g = 1; g < grid.length; g++) {
                    if (!(grid[g] >= grid[g - 1])) {
                        throw new IllegalArgumentException("quantiles of lead " + (k + 1) + ", class " + c
                                + " decrease");
                    }
                }
                this.ratioQuantiles[k][c] = grid.clone();
            }
        }
    }

    public double epsilon() {
        return epsilon;
    }

    public int learntLeads() {
        return ratioQuantiles.length;
    }

    public int classCount() {
        return classBounds.length + 1;
    }

    /** @return the forecast-flow limits between classes */
    public double[] classBounds() {
        return classBounds.clone();
    }

    /** @return the class (0 = lowest flows) of a forecast flow */
    public int flowClass(double forecast) {
        int c = 0;
        while (c < classBounds.length && forecast >= classBounds[c]) {
            c++;
        }
        return c;
    }

    private double[] grid(int lead, double forecast) {
        if (lead < 1) {
            throw new IllegalArgumentException("leads start at 1, got " + lead);
        }
        return ratioQuantiles[Math.min(lead, ratioQuantiles.length) - 1][flowClass(forecast)];
    }

    /** Quantile r_p of the error ratio for a lead and forecast flow. */
    public double ratioQuantile(int lead, double forecast, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        double[] grid = grid(lead, forecast);
        double position = probability * GRID_INTERVALS;
        int below = Math.min((int) position, GRID_INTERVALS - 1);
        double fraction = position - below;
        return grid[below] + fraction * (grid[below + 1] - grid[below]);
    }

    /** The discharge with probability {@code probability} of not being exceeded, given the forecast. */
    public double quantile(int lead, double forecast, double probability) {
        if (!Double.isFinite(forecast)) {
            return Double.NaN;
        }
        double base = Math.max(forecast, 0) + epsilon;
        return Math.max(base * ratioQuantile(lead, forecast, probability) - epsilon, 0);
    }

    /** Probability that the discharge at a lead exceeds a threshold, given the forecast. */
    public double exceedanceProbability(int lead, double forecast, double threshold) {
        if (!Double.isFinite(forecast)) {
            return Double.NaN;
        }
        double[] grid = grid(lead, forecast);
        double ratio = (threshold + epsilon) / (Math.max(forecast, 0) + epsilon);
        if (ratio < grid[0]) {
            return 1;
        }
        if (ratio >= grid[GRID_INTERVALS]) {
            return 0;
        }
        // the last grid point at or below the ratio, then linear between it and the next distinct one
        int low = 0;
        int high = GRID_INTERVALS;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (grid[middle] <= ratio) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double span = grid[high] - grid[low];
        double fraction = span > 0 ? (ratio - grid[low]) / span : 1;
        double cumulative = (low + fraction) / GRID_INTERVALS;
        return 1 - cumulative;
    }

    /**
     * Quantiles of a whole forecast.
     *
     * @param forecast      index 0 = lead 1
     * @param probabilities e.g. 0.1, 0.5, 0.9
     * @return [probability][lead − 1]
     */
    public double[][] quantiles(double[] forecast, double... probabilities) {
        double[][] bands = new double[probabilities.length][forecast.length];
        for (int p = 0; p < probabilities.length; p++) {
            for (int k = 0; k < forecast.length; k++) {
                bands[p][k] = quantile(k + 1, forecast[k], probabilities[p]);
            }
        }
        return bands;
    }

    /** @return [threshold][lead − 1] probabilities of exceeding each threshold */
    public double[][] exceedanceProbabilities(double[] forecast, double... thresholds) {
        double[][] probabilities = new double[thresholds.length][forecast.length];
        for (int s = 0; s < thresholds.length; s++) {
            for (int k = 0; k < forecast.length; k++) {
                probabilities[s][k] = exceedanceProbability(k + 1, forecast[k], thresholds[s]);
            }
        }
        return probabilities;
    }
}
