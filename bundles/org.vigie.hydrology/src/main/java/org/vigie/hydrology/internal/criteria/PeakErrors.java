package org.vigie.hydrology.internal.criteria;

/**
 * Forecast verification of a flood peak over a window of time steps: magnitude error relative to the observed peak
 * and timing error in steps. Not part of airGR; used for operational forecast verification.
 */
public final class PeakErrors {

    private PeakErrors() {
    }

    /**
     * The peaks of both series within {@code [fromInclusive, toExclusive)}.
     *
     * @param observed  observed flows (NaN = missing, skipped)
     * @param simulated forecast or simulated flows on the same time steps (NaN skipped)
     * @return the peak comparison; the first occurrence wins when a peak value repeats
     * @throws IllegalArgumentException if the window is empty or either series has no value in it
     */
    public static PeakComparison compare(double[] observed, double[] simulated, int fromInclusive, int toExclusive) {
        if (observed.length != simulated.length) {
            throw new IllegalArgumentException("observed and simulated series differ in length: "
                    + observed.length + " vs " + simulated.length);
        }
        if (fromInclusive < 0 || toExclusive > observed.length || fromInclusive >= toExclusive) {
            throw new IllegalArgumentException("invalid window [" + fromInclusive + ", " + toExclusive
                    + ") for series of length " + observed.length);
        }
        int observedPeak = indexOfMaximum(observed, fromInclusive, toExclusive, "observed");
        int simulatedPeak = indexOfMaximum(simulated, fromInclusive, toExclusive, "simulated");
        return new PeakComparison(observedPeak, observed[observedPeak], simulatedPeak, simulated[simulatedPeak]);
    }

    private static int indexOfMaximum(double[] values, int from, int to, String seriesName) {
        int best = -1;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(values[i]) && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the " + seriesName + " series has no value in [" + from + ", "
                    + to + ")");
        }
        return best;
    }

    /**
     * @param observedPeakIndex  index of the observed maximum
     * @param observedPeak       observed maximum
     * @param simulatedPeakIndex index of the simulated maximum
     * @param simulatedPeak      simulated maximum
     */
    public record PeakComparison(int observedPeakIndex, double observedPeak, int simulatedPeakIndex,
                                 double simulatedPeak) {

        /** (simulated peak − observed peak) / observed peak: positive when the forecast overestimates. */
        public double relativeMagnitudeError() {
            return (simulatedPeak - observedPeak) / observedPeak;
        }

        /** Simulated peak index − observed peak index, in time steps: positive when the forecast peak is late. */
        public int timingErrorSteps() {
            return simulatedPeakIndex - observedPeakIndex;
        }
    }
}
