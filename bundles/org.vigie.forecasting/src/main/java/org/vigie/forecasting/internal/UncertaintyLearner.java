package org.vigie.forecasting.internal;

import java.util.Arrays;

/**
 * Learns an {@link UncertaintyModel} from forecasts streamed by a hindcast. Empirical quantiles need the samples,
 * so the learner keeps, per lead, each (forecast, ratio) pair: 2 × leads × issues doubles, e.g. 10 MB for three
 * hourly years at 24 leads. Not thread-safe.
 */
public final class UncertaintyLearner {

    /** A class needs at least this many errors at a lead, or it borrows those of the classes below it. */
    public static final int MIN_SAMPLES_PER_CLASS = 100;

    private final double epsilon;
    private final int leads;
    private final double[][] forecasts;
    private final double[][] ratios;
    private final int[] sizes;

    public UncertaintyLearner(int leads, double epsilon) {
        if (leads < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException("need leads ≥ 1 and ε > 0, got " + leads + ", " + epsilon);
        }
        this.leads = leads;
        this.epsilon = epsilon;
        forecasts = new double[leads][1024];
        ratios = new double[leads][1024];
        sizes = new int[leads];
    }

    /** @param forecast the forecast to be made uncertain (index 0 = lead 1); observed at the same leads */
    public void add(double[] forecast, double[] observed) {
        int n = Math.min(Math.min(forecast.length, observed.length), leads);
        for (int k = 0; k < n; k++) {
            double f = forecast[k];
            double o = observed[k];
            if (!Double.isFinite(f) || !Double.isFinite(o)) {
                continue;
            }
            if (sizes[k] == forecasts[k].length) {
                forecasts[k] = Arrays.copyOf(forecasts[k], 2 * sizes[k]);
                ratios[k] = Arrays.copyOf(ratios[k], 2 * sizes[k]);
            }
            forecasts[k][sizes[k]] = f;
            ratios[k][sizes[k]] = (Math.max(o, 0) + epsilon) / (Math.max(f, 0) + epsilon);
            sizes[k]++;
        }
    }

    /**
     * @param classProbabilities non-exceedance probabilities of the forecast flows (all leads pooled) that separate
     *                           the flow classes, e.g. 0.5, 0.8, 0.95 for four classes; none for a single class
     */
    public UncertaintyModel build(double... classProbabilities) {
        for (int k = 0; k < leads; k++) {
            if (sizes[k] == 0) {
                throw new IllegalStateException("no forecast error learnt at lead " + (k + 1));
            }
        }
        double[] bounds = classBounds(classProbabilities);
        int classes = bounds.length + 1;
        double[][][] quantiles = new double[leads][classes][];
        for (int k = 0; k < leads; k++) {
            int n = sizes[k];
            int[] classOf = new int[n];
            int[] counts = new int[classes];
            for (int i = 0; i < n; i++) {
                int c = 0;
                while (c < bounds.length && forecasts[k][i] >= bounds[c]) {
                    c++;
                }
                classOf[i] = c;
                counts[c]++;
            }
            for (int c = 0; c < classes; c++) {
                // a thin class borrows the errors of the classes just below it until it has enough
                int lowest = c;
                int available = counts[c];
                while (available < MIN_SAMPLES_PER_CLASS && lowest > 0) {
                    lowest--;
                    available += counts[lowest];
                }
                int highest = c;
                while (available < MIN_SAMPLES_PER_CLASS && highest < classes - 1) {
                    highest++;
                    available += counts[highest];
                }
                double[] sample = new double[available];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (classOf[i] >= lowest && classOf[i] <= highest) {
                        sample[m++] = ratios[k][i];
                    }
                }
                quantiles[k][c] = gridQuantiles(Arrays.copyOf(sample, m));
            }
        }
        return new UncertaintyModel(epsilon, bounds, quantiles);
    }

    private double[] classBounds(double[] classProbabilities) {
        if (classProbabilities.length == 0) {
            return new double[0];
        }
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] pooled = new double[total];
        int at = 0;
        for (int k = 0; k < leads; k++) {
            System.arraycopy(forecasts[k], 0, pooled, at, sizes[k]);
            at += sizes[k];
        }
        Arrays.sort(pooled);
        double[] bounds = new double[classProbabilities.length];
        int distinct = 0;
        double previous = Double.NEGATIVE_INFINITY;
        for (double probability : classProbabilities) {
            if (!(probability > 0 && probability < 1)) {
                throw new IllegalArgumentException("class probabilities must be in (0, 1), got " + probability);
            }
            double bound = sortedQuantile(pooled, probability);
            if (bound > previous) {
                bounds[distinct++] = bound;
                previous = bound;
            }
        }
        return Arrays.copyOf(bounds, distinct);
    }

    /** The quantiles of a sample on the model's probability grid (R's default type 7). */
    static double[] gridQuantiles(double[] sample) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double[] grid = new double[UncertaintyModel.GRID_INTERVALS + 1];
        for (int g = 0; g < grid.length; g++) {
            grid[g] = sortedQuantile(sorted, (double) g / UncertaintyModel.GRID_INTERVALS);
        }
        return grid;
    }

    /** R's quantile type 7 of an ascending sample. */
    static double sortedQuantile(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    /** @return how many errors lead k (from 1) has */
    public int samples(int lead) {
        return sizes[lead - 1];
    }
}
