package org.vigie.rating.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.vigie.api.RatingCurve;

/**
 * A chain of power-law segments, continuous at its breakpoints, written in log space for the least-squares fit.
 *
 * <p>Segment k (0-based) starts at level s<sub>k</sub> (s<sub>0</sub> = lowest gauged level) and reads
 * <pre>ln Q̂(H) = V<sub>k</sub> + b<sub>k</sub> [ln(H − s<sub>k</sub> + d<sub>k</sub>) − ln d<sub>k</sub>]</pre>
 * with d<sub>k</sub> = s<sub>k</sub> − h0<sub>k</sub> &gt; 0. V<sub>0</sub> = ln Q̂(s<sub>0</sub>) is free; for
 * k ≥ 1, V<sub>k</sub> is the previous segment's value at s<sub>k</sub> (continuity), so that a<sub>k</sub> =
 * e<sup>V<sub>k</sub></sup> / d<sub>k</sub><sup>b<sub>k</sub></sup> is not a parameter. Each segment increases with
 * H, hence so does the chain.</p>
 *
 * <p>Parameter vector θ = (V<sub>0</sub>, ln b<sub>0</sub>, ln d<sub>0</sub>, ln b<sub>1</sub>, ln d<sub>1</sub>, …):
 * 2N + 1 values, unconstrained, so that b &gt; 0 and h0 &lt; s hold by construction.</p>
 */
final class PowerLawChain {

    private final double[] starts;

    /** @param starts s<sub>0</sub> &lt; s<sub>1</sub> &lt; … the levels where the segments start (m) */
    PowerLawChain(double[] starts) {
        this.starts = starts.clone();
    }

    static int parameterCount(int segments) {
        return 1 + 2 * segments;
    }

    int segments() {
        return starts.length;
    }

    double start(int segment) {
        return starts[segment];
    }

    /** The segment that applies at {@code level}: the last one starting at or below it (the first one below s0). */
    int segmentOf(double level) {
        int k = 0;
        for (int j = 1; j < starts.length; j++) {
            if (level >= starts[j]) {
                k = j;
            }
        }
        return k;
    }

    /** ln Q̂ at each level and its Jacobian with respect to θ; {@code segmentOf[i]} is the segment of level i. */
    Pair<RealVector, RealMatrix> evaluate(double[] theta, double[] levels, int[] segmentOf) {
        int n = starts.length;
        int p = parameterCount(n);
        double[] junctionValue = new double[n];
        double[][] junctionGradient = new double[n][p];
        junctionValue[0] = theta[0];
        junctionGradient[0][0] = 1;
        for (int k = 1; k < n; k++) {
            junctionGradient[k] = junctionGradient[k - 1].clone();
            junctionValue[k] = junctionValue[k - 1] + addLocal(theta, k - 1, starts[k], junctionGradient[k]);
        }
        double[] values = new double[levels.length];
        double[][] jacobian = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            int k = segmentOf[i];
            double[] row = junctionGradient[k].clone();
            values[i] = junctionValue[k] + addLocal(theta, k, levels[i], row);
            jacobian[i] = row;
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** Adds segment k's own derivatives at {@code level} to {@code gradient}; returns b(ln u − ln d). */
    private double addLocal(double[] theta, int k, double level, double[] gradient) {
        double b = Math.exp(theta[1 + 2 * k]);
        double d = Math.exp(theta[2 + 2 * k]);
        double u = level - starts[k] + d;
        double logRatio = Math.log(u) - Math.log(d);
        gradient[1 + 2 * k] += b * logRatio;
        gradient[2 + 2 * k] += b * (d / u - 1);
        return b * logRatio;
    }

    /**
     * The API curve of θ. Each coefficient a is computed from the joint discharge exactly as {@link RatingCurve}
     * evaluates it, so the segments meet to rounding.
     */
    RatingCurve toCurve(String stationCode, Instant validFrom, double[] theta, double maxGaugedLevel) {
        List<RatingCurve.Segment> segments = new ArrayList<>(starts.length);
        double previousA = 0;
        double previousH0 = 0;
        double previousB = 0;
        for (int k = 0; k < starts.length; k++) {
            double b = Math.exp(theta[1 + 2 * k]);
            double h0 = starts[k] - Math.exp(theta[2 + 2 * k]);
            double jointDischarge = k == 0 ? Math.exp(theta[0])
                    : previousA * Math.pow(starts[k] - previousH0, previousB);
            double a = jointDischarge / Math.pow(starts[k] - h0, b);
            segments.add(new RatingCurve.Segment(starts[k], a, h0, b));
            previousA = a;
            previousH0 = h0;
            previousB = b;
        }
        return new RatingCurve(stationCode, validFrom, segments, maxGaugedLevel);
    }
}
