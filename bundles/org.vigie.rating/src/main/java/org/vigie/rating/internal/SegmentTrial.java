package org.vigie.rating.internal;

import java.util.List;

/**
 * The best fit found for one number of segments, kept so that the choice of the count can be audited.
 *
 * @param segments    number of power-law segments
 * @param breakpoints levels where segments 2..N start (m), chosen among gauged levels
 * @param rss         Σ (ln Q − ln Q̂)² of that fit
 * @param parameters  k = 3N: a, h0, b of the first segment, h0 and b of each further one (a follows from continuity),
 *                    and each breakpoint
 * @param bic         n ln(max(RSS/n, σ²min)) + k ln n, σmin = {@value RatingCurveFitter#LOG_RESOLUTION}
 */
public record SegmentTrial(int segments, List<Double> breakpoints, double rss, int parameters, double bic) {

    public SegmentTrial {
        breakpoints = List.copyOf(breakpoints);
    }
}
