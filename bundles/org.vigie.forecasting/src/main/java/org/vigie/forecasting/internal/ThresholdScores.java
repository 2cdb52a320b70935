package org.vigie.forecasting.internal;

/**
 * Exceedance scores of one threshold at one lead time.
 *
 * @param threshold discharge threshold (flow unit of the verification)
 * @param pod       probability of detection
 * @param far       false alarm ratio
 * @param csi       critical success index
 * @param brier     Brier score of the forecast exceedance probability (NaN without an uncertainty model)
 */
public record ThresholdScores(double threshold, long hits, long misses, long falseAlarms, double pod, double far,
                              double csi, double brier) {
}
