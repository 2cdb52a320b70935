package org.vigie.model.muskingum.internal.core;

/** Nash–Sutcliffe efficiency, 1 − Σ(o − s)² / Σ(o − ō)², over the steps where both values are finite. */
public final class Nse {

    private Nse() {
    }

    /** @return the NSE of {@code simulated} against {@code observed} from index {@code from} on; NaN without data */
    public static double of(double[] observed, double[] simulated, int from) {
        double sum = 0;
        int count = 0;
        for (int t = from; t < observed.length; t++) {
            if (Double.isFinite(observed[t]) && Double.isFinite(simulated[t])) {
                sum += observed[t];
                count++;
            }
        }
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        double error = 0;
        double variance = 0;
        for (int t = from; t < observed.length; t++) {
            if (Double.isFinite(observed[t]) && Double.isFinite(simulated[t])) {
                error += (observed[t] - simulated[t]) * (observed[t] - simulated[t]);
                variance += (observed[t] - mean) * (observed[t] - mean);
            }
        }
        return 1 - error / variance;
    }
}
