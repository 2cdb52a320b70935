package org.vigie.rating.internal;

import java.util.List;

import org.vigie.api.RatingCurve;

/**
 * A fitted rating curve with its residuals on the gaugings it was fitted to.
 *
 * @param curve     the curve, valid from the instant given to the fitter
 * @param residuals residuals on the fitting gaugings
 * @param chosen    the trial retained
 * @param trials    the best fit for each segment count tried, in increasing count
 */
public record RatingFit(RatingCurve curve, RatingResiduals residuals, SegmentTrial chosen,
        List<SegmentTrial> trials) {

    public RatingFit {
        trials = List.copyOf(trials);
    }
}
