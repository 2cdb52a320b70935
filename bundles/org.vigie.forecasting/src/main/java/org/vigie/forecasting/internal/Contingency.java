package org.vigie.forecasting.internal;

/**
 * Threshold exceedance counts: a forecast "warns" when it reaches the threshold, an event is observed when the
 * observation does. Not thread-safe.
 */
public final class Contingency {

    private long hits;
    private long misses;
    private long falseAlarms;
    private long correctNegatives;

    public void add(boolean forecastExceeds, boolean observedExceeds) {
        if (forecastExceeds && observedExceeds) {
            hits++;
        } else if (observedExceeds) {
            misses++;
        } else if (forecastExceeds) {
            falseAlarms++;
        } else {
            correctNegatives++;
        }
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long falseAlarms() {
        return falseAlarms;
    }

    public long correctNegatives() {
        return correctNegatives;
    }

    /** Probability of detection hits / (hits + misses); NaN when the threshold was never observed. */
    public double pod() {
        return ratio(hits, hits + misses);
    }

    /** False alarm ratio false alarms / (hits + false alarms); NaN when never forecast. */
    public double far() {
        return ratio(falseAlarms, hits + falseAlarms);
    }

    /** Critical success index hits / (hits + misses + false alarms); NaN when neither forecast nor observed. */
    public double csi() {
        return ratio(hits, hits + misses + falseAlarms);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
