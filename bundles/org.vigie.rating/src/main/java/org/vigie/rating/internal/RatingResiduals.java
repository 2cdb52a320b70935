package org.vigie.rating.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vigie.api.RatingCurve;

/**
 * A curve's residuals on a set of gaugings and their summary. Works for any curve, fitted here or not, e.g. to check
 * an existing curve against new gaugings.
 *
 * @param residuals             one per gauging, in the order given
 * @param rmseLog               √(mean (ln Q − ln Q̂)²), dimensionless (≈ relative RMS error for small errors)
 * @param rmsRelativeError      √(mean ((Q̂ − Q)/Q)²)
 * @param maxAbsRelativeError   max |Q̂ − Q| / Q
 * @param meanRelativeError     mean (Q̂ − Q)/Q, the bias
 */
public record RatingResiduals(List<GaugingResidual> residuals, double rmseLog, double rmsRelativeError,
        double maxAbsRelativeError, double meanRelativeError) {

    public RatingResiduals {
        residuals = List.copyOf(residuals);
    }

    /** Evaluates {@code curve} at every gauging's level; gaugings must have positive finite discharges. */
    public static RatingResiduals of(RatingCurve curve, List<Gauging> gaugings) {
        if (gaugings.isEmpty()) {
            throw new IllegalArgumentException("no gaugings to compare the curve with");
        }
        List<GaugingResidual> residuals = new ArrayList<>(gaugings.size());
        double sumLog2 = 0;
        double sumRel2 = 0;
        double sumRel = 0;
        double maxRel = 0;
        for (Gauging g : gaugings) {
            RatingCurve.Conversion q = curve.discharge(g.level());
            GaugingResidual r = new GaugingResidual(g.level(), g.discharge(), q.value(), q.extrapolated());
            residuals.add(r);
            sumLog2 += r.logResidual() * r.logResidual();
            sumRel2 += r.relativeError() * r.relativeError();
            sumRel += r.relativeError();
            maxRel = Math.max(maxRel, Math.abs(r.relativeError()));
        }
        int n = gaugings.size();
        return new RatingResiduals(residuals, Math.sqrt(sumLog2 / n), Math.sqrt(sumRel2 / n), maxRel, sumRel / n);
    }

    /** Σ (ln Q − ln Q̂)². */
    public double logResidualSumOfSquares() {
        return rmseLog * rmseLog * residuals.size();
    }

    /** One line for logs: n, RMSE(ln Q), max and RMS relative error, bias. */
    public String summary() {
        return String.format(Locale.ROOT,
                "n=%d RMSE(lnQ)=%.5f max|rel|=%.3f%% RMS rel=%.3f%% bias=%+.3f%%", residuals.size(), rmseLog,
                100 * maxAbsRelativeError, 100 * rmsRelativeError, 100 * meanRelativeError);
    }
}
