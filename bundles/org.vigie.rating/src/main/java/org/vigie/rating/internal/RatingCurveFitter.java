package org.vigie.rating.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.EvaluationRmsChecker;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.util.Pair;
import org.vigie.api.RatingCurve;

/**
 * Fits a {@link RatingCurve} — one or more power-law segments Q = a·(H − h0)^b, continuous at their breakpoints — to
 * gaugings, by least squares on ln Q (Levenberg–Marquardt, commons-math3).
 *
 * <ul>
 * <li>For a given set of breakpoints the 2N + 1 parameters (see {@link PowerLawChain}) are fitted from a start found
 * by profiling each segment over a grid of h0 (for fixed h0 the log fit is linear). h0 of the first segment stays
 * below the lowest gauged level, each further h0 below its breakpoint, every b in
 * [{@value #MIN_EXPONENT}, {@value #MAX_EXPONENT}] and every H − h0 offset at a breakpoint within
 * [{@value #MIN_OFFSET}, {@value #MAX_OFFSET}] × max(gauged range, 1 m) (steps beyond a bound are clamped; a run
 * that does not converge within its iteration budget keeps the best point it met).</li>
 * <li>Breakpoints are gauged levels: every combination of up to {@code candidateBreakpoints} levels evenly spaced in
 * rank is fitted, then each breakpoint of the best one is moved over neighbouring gauged levels (pattern search with
 * halving steps) while the residual sum of squares decreases. Each segment keeps at least
 * {@code minLevelsPerSegment} distinct gauged levels.</li>
 * <li>The number of segments N is the one in {@code minSegments..maxSegments} with the lowest Bayesian information
 * criterion BIC = n ln(max(RSS/n, σ²min)) + 3N ln n (3N = 2N + 1 curve parameters + N − 1 breakpoints;
 * σmin = {@value #LOG_RESOLUTION} keeps exact synthetic data from rewarding spurious segments).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; deterministic (no random start).</p>
 */
public final class RatingCurveFitter {

    /** Smallest residual standard deviation in ln Q the criterion believes in. */
    public static final double LOG_RESOLUTION = 1e-6;
    public static final double MIN_EXPONENT = 0.05;
    public static final double MAX_EXPONENT = 20;
    /**
     * Bounds of d = (start level − h0), relative to the scale max(gauged range, 1 m). The upper bound also stops the
     * drift of a segment towards an exponential (b and d growing together without end).
     */
    public static final double MIN_OFFSET = 1e-4;
    public static final double MAX_OFFSET = 10;
    /** Smallest scale (m) of the offsets. */
    private static final double MIN_SCALE = 1;
    /**
     * Iteration budget of one Levenberg–Marquardt run. A run that exhausts it (a segment creeping along a bound of b
     * or d, where the unconstrained step is clamped each time) keeps the best point it met.
     */
    private static final int MAX_LM_ITERATIONS = 200;
    private static final int MAX_LM_EVALUATIONS = 1000;
    private static final double RMS_RELATIVE_TOLERANCE = 1e-10;
    private static final double RMS_ABSOLUTE_TOLERANCE = 1e-15;

    private final RatingFitOptions options;

    public RatingCurveFitter(RatingFitOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public RatingCurveFitter() {
        this(RatingFitOptions.defaults());
    }

    public RatingFitOptions options() {
        return options;
    }

    /**
     * Fits a curve to {@code gaugings} that applies from {@code validFrom}.
     *
     * @throws IllegalArgumentException for unusable gaugings: too few, a non-finite level or discharge, a discharge
     *                                  that is not positive, a discharge that does not increase with the level, or
     *                                  too few distinct levels for the number of segments asked for
     */
    public RatingFit fit(String stationCode, Instant validFrom, List<Gauging> gaugings) {
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(gaugings, "gaugings");
        Data data = Data.of(gaugings);
        if (data.n() < 3) {
            throw new IllegalArgumentException("a power law has 3 parameters (a, h0, b): need at least 3 gaugings, got "
                    + data.n());
        }
        if (data.distinctLevels.length < 3) {
            throw new IllegalArgumentException("a power law has 3 parameters (a, h0, b): need gaugings at 3 distinct "
                    + "levels at least, got " + data.distinctLevels.length);
        }
        checkIncreasing(data);
        int maxSegments = feasibleMaxSegments(data);

        List<SegmentTrial> trials = new ArrayList<>();
        Map<Integer, Outcome> outcomes = new HashMap<>();
        for (int segments = options.minSegments(); segments <= maxSegments; segments++) {
            Outcome best = new Search(data, segments).run();
            if (best == null) {
                continue;
            }
            outcomes.put(segments, best);
            trials.add(best.trial(data));
        }
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no power law with " + options.minSegments() + ".." + maxSegments
                    + " segments could be fitted to these " + data.n() + " gaugings (no finite least-squares solution)");
        }
        SegmentTrial chosen = trials.stream().min(Comparator.comparingDouble(SegmentTrial::bic)).orElseThrow();
        Outcome outcome = outcomes.get(chosen.segments());
        RatingCurve curve = outcome.chain.toCurve(stationCode, validFrom, outcome.theta, data.maxLevel());
        return new RatingFit(curve, RatingResiduals.of(curve, gaugings), chosen, trials);
    }

    private void checkIncreasing(Data data) {
        double rho = new SpearmansCorrelation().correlation(data.levels, data.logDischarges);
        if (Double.isNaN(rho)) {
            throw new IllegalArgumentException("the discharge does not vary across the gaugings: no rating curve "
                    + "can be fitted");
        }
        if (rho < options.minRankCorrelation()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the discharge does not increase with the "
                    + "level in these gaugings (Spearman rank correlation %.3f < %.3f): they cannot be fitted by a "
                    + "rating curve", rho, options.minRankCorrelation()));
        }
    }

    private int feasibleMaxSegments(Data data) {
        int byLevels = data.distinctLevels.length / options.minLevelsPerSegment();
        int byPairs = data.n() / 3;
        int feasible = Math.min(options.maxSegments(), Math.min(byLevels, byPairs));
        if (feasible < options.minSegments()) {
            int wanted = options.minSegments();
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d segment(s) need gaugings at %d distinct "
                    + "levels (%d per segment) and at least %d gaugings (3 parameters per segment, breakpoints "
                    + "included); got %d gaugings at %d distinct levels", wanted,
                    wanted * options.minLevelsPerSegment(), options.minLevelsPerSegment(), 3 * wanted, data.n(),
                    data.distinctLevels.length));
        }
        return feasible;
    }

    /** Gaugings sorted by level, validated. */
    private record Data(double[] levels, double[] logDischarges, double[] distinctLevels, double scale) {

        static Data of(List<Gauging> gaugings) {
            if (gaugings.isEmpty()) {
                throw new IllegalArgumentException("no gaugings");
            }
            Gauging[] sorted = new Gauging[gaugings.size()];
            for (int i = 0; i < sorted.length; i++) {
                Gauging g = gaugings.get(i);
                if (g == null) {
                    throw new IllegalArgumentException("gauging #" + i + " is null");
                }
                if (!Double.isFinite(g.level())) {
                    throw new IllegalArgumentException("gauging #" + i + ": level is not a finite number: "
                            + g.level());
                }
                if (!Double.isFinite(g.discharge())) {
                    throw new IllegalArgumentException("gauging #" + i + " (H=" + g.level()
                            + " m): discharge is not a finite number: " + g.discharge());
                }
                if (!(g.discharge() > 0)) {
                    throw new IllegalArgumentException("gauging #" + i + " (H=" + g.level() + " m): discharge must be "
                            + "positive (the fit is in log space), got " + g.discharge());
                }
                sorted[i] = g;
            }
            Arrays.sort(sorted, Comparator.comparingDouble(Gauging::level));
            double[] levels = Arrays.stream(sorted).mapToDouble(Gauging::level).toArray();
            double[] logQ = Arrays.stream(sorted).mapToDouble(g -> Math.log(g.discharge())).toArray();
            double[] distinct = Arrays.stream(levels).distinct().toArray();
            double scale = Math.max(levels[levels.length - 1] - levels[0], MIN_SCALE);
            return new Data(levels, logQ, distinct, scale);
        }

        int n() {
            return levels.length;
        }

        double minLevel() {
            return levels[0];
        }

        double maxLevel() {
            return levels[levels.length - 1];
        }
    }

    /** The best point of the least-squares fit for one set of breakpoints. */
    private record Outcome(PowerLawChain chain, int[] breakIndices, double[] theta, double rss) {

        SegmentTrial trial(Data data) {
            int n = data.n();
            int segments = chain.segments();
            int k = 3 * segments;
            double variance = Math.max(rss / n, LOG_RESOLUTION * LOG_RESOLUTION);
            List<Double> breakpoints = new ArrayList<>();
            for (int j = 1; j < segments; j++) {
                breakpoints.add(chain.start(j));
            }
            return new SegmentTrial(segments, breakpoints, rss, k, n * Math.log(variance) + k * Math.log(n));
        }
    }

    /** Breakpoint search for one number of segments. */
    private final class Search {
        private final Data data;
        private final int segments;
        private final int minLevels = options.minLevelsPerSegment();
        private final Map<List<Integer>, Outcome> tried = new HashMap<>();

        Search(Data data, int segments) {
            this.data = data;
            this.segments = segments;
        }

        Outcome run() {
            if (segments == 1) {
                return fit(new int[0], null);
            }
            int lowest = minLevels;
            int highest = data.distinctLevels.length - minLevels;
            int[] candidates = candidates(lowest, highest);
            Outcome best = null;
            for (int[] combination : combinations(candidates, segments - 1)) {
                best = better(best, fit(combination, null));
            }
            if (best == null) {
                return null;
            }
            int step = Math.max(1, (highest - lowest) / (options.candidateBreakpoints() - 1) / 2);
            while (step >= 1) {
                boolean improved = false;
                for (int j = 0; j < segments - 1; j++) {
                    for (int direction : new int[] {-1, 1}) {
                        int[] moved = best.breakIndices.clone();
                        moved[j] += direction * step;
                        if (!admissible(moved)) {
                            continue;
                        }
                        Outcome candidate = better(fit(moved, best.theta), fit(moved, null));
                        if (candidate != null && candidate.rss < best.rss) {
                            best = candidate;
                            improved = true;
                        }
                    }
                }
                if (!improved) {
                    step /= 2;
                }
            }
            return best;
        }

        private int[] candidates(int lowest, int highest) {
            int count = highest - lowest + 1;
            int wanted = Math.min(count, options.candidateBreakpoints());
            int[] candidates = new int[wanted];
            for (int j = 0; j < wanted; j++) {
                candidates[j] = wanted == 1 ? lowest
                        : lowest + (int) Math.round(j * (double) (highest - lowest) / (wanted - 1));
            }
            return Arrays.stream(candidates).distinct().toArray();
        }

        private List<int[]> combinations(int[] candidates, int size) {
            List<int[]> result = new ArrayList<>();
            collect(candidates, 0, new int[size], 0, result);
            return result;
        }

        private void collect(int[] candidates, int from, int[] current, int depth, List<int[]> result) {
            if (depth == current.length) {
                if (admissible(current)) {
                    result.add(current.clone());
                }
                return;
            }
            for (int i = from; i < candidates.length; i++) {
                current[depth] = candidates[i];
                collect(candidates, i + 1, current, depth + 1, result);
            }
        }

        /** Every segment keeps at least {@code minLevels} distinct gauged levels. */
        private boolean admissible(int[] breakIndices) {
            int previous = 0;
            for (int index : breakIndices) {
                if (index - previous < minLevels) {
                    return false;
                }
                previous = index;
            }
            return data.distinctLevels.length - previous >= minLevels;
        }

        private Outcome better(Outcome a, Outcome b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return b.rss < a.rss ? b : a;
        }

        /** Fits the chain with these breakpoints, from {@code start} or, when null, from the profile start. */
        private Outcome fit(int[] breakIndices, double[] start) {
            List<Integer> key = new ArrayList<>();
            for (int index : breakIndices) {
                key.add(index);
            }
            key.add(start == null ? 0 : 1);
            if (tried.containsKey(key)) {
                return tried.get(key);
            }
            Outcome outcome = leastSquares(breakIndices, start);
            tried.put(key, outcome);
            return outcome;
        }

        private Outcome leastSquares(int[] breakIndices, double[] start) {
            double[] starts = new double[segments];
            starts[0] = data.minLevel();
            for (int j = 0; j < breakIndices.length; j++) {
                starts[j + 1] = data.distinctLevels[breakIndices[j]];
            }
            PowerLawChain chain = new PowerLawChain(starts);
            int[] segmentOf = Arrays.stream(data.levels).mapToInt(chain::segmentOf).toArray();
            double[] initial = start != null ? start.clone() : profileStart(chain, segmentOf);
            double minLogOffset = Math.log(MIN_OFFSET * data.scale);
            double maxLogOffset = Math.log(MAX_OFFSET * data.scale);
            double minLogExponent = Math.log(MIN_EXPONENT);
            double maxLogExponent = Math.log(MAX_EXPONENT);
            BestPoint best = new BestPoint();
            LeastSquaresProblem problem = new LeastSquaresBuilder()
                    .model(point -> {
                        Pair<RealVector, RealMatrix> value = chain.evaluate(point.toArray(), data.levels, segmentOf);
                        best.offer(point, value.getFirst());
                        return value;
                    })
                    .target(data.logDischarges)
                    .start(initial)
                    .parameterValidator(point -> {
                        double[] p = point.toArray();
                        for (int k = 0; k < segments; k++) {
                            p[1 + 2 * k] = clamp(p[1 + 2 * k], minLogExponent, maxLogExponent);
                            p[2 + 2 * k] = clamp(p[2 + 2 * k], minLogOffset, maxLogOffset);
                        }
                        return new ArrayRealVector(p, false);
                    })
                    .checker(new EvaluationRmsChecker(RMS_RELATIVE_TOLERANCE, RMS_ABSOLUTE_TOLERANCE))
                    .maxEvaluations(MAX_LM_EVALUATIONS)
                    .maxIterations(MAX_LM_ITERATIONS)
                    .build();
            try {
                new LevenbergMarquardtOptimizer().optimize(problem);
            } catch (MathIllegalStateException | MathArithmeticException e) {
                // not converged, typically crawling along a bound: keep the best point met (see BestPoint)
            }
            if (best.theta == null) {
                return null;
            }
            return new Outcome(chain, breakIndices.clone(), best.theta, best.rss);
        }

        /** The evaluated point of smallest residual sum of squares, whatever the optimiser reports. */
        private final class BestPoint {
            private double[] theta;
            private double rss = Double.POSITIVE_INFINITY;

            void offer(RealVector point, RealVector logDischarges) {
                double sum = 0;
                for (int i = 0; i < data.n(); i++) {
                    double r = data.logDischarges[i] - logDischarges.getEntry(i);
                    sum += r * r;
                }
                if (sum < rss && Double.isFinite(sum)) {
                    rss = sum;
                    theta = point.toArray();
                }
            }
        }

        /**
         * Start of the fit: each segment alone, for h0 on a log grid of offsets below its start, is a linear fit of
         * ln Q on ln(H − h0); the offset with the smallest residual (and an admissible b) wins.
         */
        private double[] profileStart(PowerLawChain chain, int[] segmentOf) {
            double[] theta = new double[PowerLawChain.parameterCount(segments)];
            for (int k = 0; k < segments; k++) {
                double bestRss = Double.POSITIVE_INFINITY;
                double bestB = 1;
                double bestD = data.scale;
                double bestIntercept = Double.NaN;
                for (double exponent = Math.log10(MIN_OFFSET); exponent <= Math.log10(MAX_OFFSET) + 1e-9;
                        exponent += 0.5) {
                    double d = Math.pow(10, exponent) * data.scale;
                    double[] line = regress(chain.start(k), d, k, segmentOf);
                    if (line != null && line[1] >= MIN_EXPONENT && line[1] <= MAX_EXPONENT && line[2] < bestRss) {
                        bestRss = line[2];
                        bestIntercept = line[0];
                        bestB = line[1];
                        bestD = d;
                    }
                }
                if (k == 0) {
                    theta[0] = Double.isNaN(bestIntercept) ? mean(data.logDischarges) : bestIntercept;
                }
                theta[1 + 2 * k] = Math.log(bestB);
                theta[2 + 2 * k] = Math.log(bestD);
            }
            return theta;
        }

        /** Least-squares line ln Q = c + b·x, x = ln(H − s + d) − ln d, over segment k: {c, b, rss} or null. */
        private double[] regress(double start, double d, int k, int[] segmentOf) {
            double sx = 0;
            double sy = 0;
            int count = 0;
            for (int i = 0; i < data.n(); i++) {
                if (segmentOf[i] == k) {
                    sx += Math.log(data.levels[i] - start + d) - Math.log(d);
                    sy += data.logDischarges[i];
                    count++;
                }
            }
            if (count < 2) {
                return null;
            }
            double mx = sx / count;
            double my = sy / count;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < data.n(); i++) {
                if (segmentOf[i] == k) {
                    double x = Math.log(data.levels[i] - start + d) - Math.log(d) - mx;
                    sxx += x * x;
                    sxy += x * (data.logDischarges[i] - my);
                }
            }
            if (!(sxx > 0)) {
                return null;
            }
            double b = sxy / sxx;
            double c = my - b * mx;
            double rss = 0;
            for (int i = 0; i < data.n(); i++) {
                if (segmentOf[i] == k) {
                    double r = data.logDischarges[i] - c - b * (Math.log(data.levels[i] - start + d) - Math.log(d));
                    rss += r * r;
                }
            }
            return new double[] {c, b, rss};
        }
    }

    private static double clamp(double value, double low, double high) {
        if (Double.isNaN(value)) {
            return low;
        }
        return Math.max(low, Math.min(high, value));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
