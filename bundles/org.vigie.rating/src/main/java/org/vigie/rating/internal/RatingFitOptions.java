package org.vigie.rating.internal;

/**
 * Settings of {@link RatingCurveFitter}.
 *
 * @param minSegments          fewest power-law segments tried
 * @param maxSegments          most segments tried; among {@code minSegments..maxSegments} the count with the lowest
 *                             BIC wins (equal bounds: the count is imposed)
 * @param minLevelsPerSegment  fewest distinct gauged levels a segment must contain (at least 2: a segment after the
 *                             first has two free parameters)
 * @param candidateBreakpoints how many gauged levels, evenly spaced in rank, the exhaustive breakpoint search tries
 *                             before the local refinement over every gauged level
 * @param minRankCorrelation   the Spearman rank correlation of (H, Q) below which the gaugings are refused as not
 *                             describing a discharge that increases with the level
 */
public record RatingFitOptions(int minSegments, int maxSegments, int minLevelsPerSegment, int candidateBreakpoints,
        double minRankCorrelation) {

    /** Default upper bound of the segment count: low-flow control, channel, overbank. */
    public static final int DEFAULT_MAX_SEGMENTS = 3;

    public RatingFitOptions {
        if (minSegments < 1 || maxSegments < minSegments) {
            throw new IllegalArgumentException("need 1 <= minSegments <= maxSegments, got " + minSegments + ".."
                    + maxSegments);
        }
        if (minLevelsPerSegment < 2) {
            throw new IllegalArgumentException("a segment needs at least 2 distinct levels, got "
                    + minLevelsPerSegment);
        }
        if (candidateBreakpoints < 2) {
            throw new IllegalArgumentException("need at least 2 candidate breakpoints, got " + candidateBreakpoints);
        }
        if (!(minRankCorrelation >= -1 && minRankCorrelation <= 1)) {
            throw new IllegalArgumentException("minRankCorrelation must be in [-1, 1], got " + minRankCorrelation);
        }
    }

    /** 1 to 3 segments chosen by BIC, at least 3 distinct levels per segment, 16 coarse candidates, ρ ≥ 0.5. */
    public static RatingFitOptions defaults() {
        return new RatingFitOptions(1, DEFAULT_MAX_SEGMENTS, 3, 16, 0.5);
    }

    /** Imposes the number of segments. */
    public RatingFitOptions withSegments(int segments) {
        return new RatingFitOptions(segments, segments, minLevelsPerSegment, candidateBreakpoints, minRankCorrelation);
    }

    /** Lets BIC choose between 1 and {@code max} segments. */
    public RatingFitOptions withMaxSegments(int max) {
        return new RatingFitOptions(1, max, minLevelsPerSegment, candidateBreakpoints, minRankCorrelation);
    }

    public RatingFitOptions withMinLevelsPerSegment(int levels) {
        return new RatingFitOptions(minSegments, maxSegments, levels, candidateBreakpoints, minRankCorrelation);
    }

    public RatingFitOptions withCandidateBreakpoints(int candidates) {
        return new RatingFitOptions(minSegments, maxSegments, minLevelsPerSegment, candidates, minRankCorrelation);
    }

    public RatingFitOptions withMinRankCorrelation(double rho) {
        return new RatingFitOptions(minSegments, maxSegments, minLevelsPerSegment, candidateBreakpoints, rho);
    }
}
