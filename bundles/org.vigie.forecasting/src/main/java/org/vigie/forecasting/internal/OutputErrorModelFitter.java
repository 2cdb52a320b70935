package org.vigie.forecasting.internal;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fits an {@link OutputErrorModel} by least squares from forecasts streamed by a hindcast run with the state update
 * but without output correction. With y(t,k) = T(Qobs(t+k)) − T(Qsim(t+k | t)) the error left at lead k and x(t)
 * the vector of the p latest one-step errors, only the sufficient statistics are kept per lead: Σx·xᵀ (p×p), Σx·y
 * and Σy², never the samples.
 * <ul>
 * <li>{@link #fitDecaying()}: b is the least-squares one-step predictor (lead 1: Σxxᵀ_1·b = Σxy_1); φ ∈ [0, 1]
 * minimises Σ_k SSE_k(φ)/SSE_k(0), searched on a grid of 0.001 then refined by golden section.</li>
 * <li>{@link #fitPerLead()}: b_k solves Σxxᵀ_k·b_k = Σxy_k for each lead separately.</li>
 * </ul>
 * A ridge term 10⁻⁹·trace/p on the diagonal keeps the equations solvable when all errors are zero. Not thread-safe.
 */
public final class OutputErrorModelFitter {

    private static final double RIDGE = 1e-9;
    private static final int DECAY_GRID = 1000;

    private final FlowTransform transform;
    private final int order;
    private final double[][][] crossRegressors;
    private final double[][] crossTarget;
    private final double[] targetSquares;
    private final long[] samples;

    public OutputErrorModelFitter(FlowTransform transform, int order, int leads) {
        if (order < 1 || leads < 1) {
            throw new IllegalArgumentException("need an order ≥ 1 and at least one lead, got " + order + ", "
                    + leads);
        }
        this.transform = transform;
        this.order = order;
        crossRegressors = new double[leads][order][order];
        crossTarget = new double[leads][order];
        targetSquares = new double[leads];
        samples = new long[leads];
    }

    public int order() {
        return order;
    }

    public int leads() {
        return samples.length;
    }

    /**
     * @param state         forecaster state at the issue time (its recent errors are the regressors)
     * @param modelForecast the uncorrected forecast, index 0 = lead 1
     * @param observed      observed discharge at the same leads (NaN = missing, skipped)
     */
    public void add(ForecastState state, double[] modelForecast, double[] observed) {
        int leads = Math.min(Math.min(modelForecast.length, observed.length), samples.length);
        for (int k = 0; k < leads; k++) {
            double obs = observed[k];
            if (!Double.isFinite(obs) || !Double.isFinite(modelForecast[k])) {
                continue;
            }
            double target = transform.forward(obs) - transform.forward(modelForecast[k]);
            double[][] a = crossRegressors[k];
            double[] b = crossTarget[k];
            for (int i = 0; i < order; i++) {
                double xi = state.error(i);
                b[i] += xi * target;
                for (int j = 0; j < order; j++) {
                    a[i][j] += xi * state.error(j);
                }
            }
            targetSquares[k] += target * target;
            samples[k]++;
        }
    }

    /**
     * The decaying form β[k] = φ^(k−1)·b (GRP's): b is the least-squares one-step predictor of the error (lead 1);
     * φ ∈ [0, 1] then minimises Σ_k SSE_k(φ) / SSE_k(0), the residual of each lead relative to no correction, so
     * that every lead weighs the same whatever the size of its errors.
     */
    public OutputErrorModel fitDecaying() {
        double[] b = solve(new Array2DRowRealMatrix(crossRegressors[0], true), crossTarget[0]);
        double bestDecay = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int g = 0; g <= DECAY_GRID; g++) {
            double decay = (double) g / DECAY_GRID;
            double error = relativeResidual(decay, b);
            if (error < bestError) {
                bestError = error;
                bestDecay = decay;
            }
        }
        // golden-section refinement within one grid cell on either side
        double low = Math.max(0, bestDecay - 1.0 / DECAY_GRID);
        double high = Math.min(1, bestDecay + 1.0 / DECAY_GRID);
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 40; i++) {
            double left = high - ratio * (high - low);
            double right = low + ratio * (high - low);
            if (relativeResidual(left, b) <= relativeResidual(right, b)) {
                high = right;
            } else {
                low = left;
            }
        }
        double refined = (low + high) / 2;
        double decay = relativeResidual(refined, b) < bestError ? refined : bestDecay;
        return OutputErrorModel.decaying(transform, b, decay, samples.length);
    }

    /** Free coefficients for each lead; a lead without samples gets zeros (no correction). */
    public OutputErrorModel fitPerLead() {
        double[][] coefficients = new double[samples.length][];
        for (int k = 0; k < samples.length; k++) {
            coefficients[k] = solve(new Array2DRowRealMatrix(crossRegressors[k], true), crossTarget[k]);
        }
        return OutputErrorModel.perLead(transform, coefficients);
    }

    private double[] solve(RealMatrix a, double[] c) {
        double trace = a.getTrace();
        if (!(trace > 0)) {
            return new double[order];
        }
        for (int i = 0; i < order; i++) {
            a.addToEntry(i, i, RIDGE * trace / order);
        }
        return new LUDecomposition(a).getSolver().solve(new ArrayRealVector(c)).toArray();
    }

    /** Σ_k SSE_k(φ)/SSE_k(0), SSE_k(φ) = Σ_t (y − φ^(k−1)·bᵀx)², from the sufficient statistics. */
    private double relativeResidual(double decay, double[] b) {
        double total = 0;
        double weight = 1;
        for (int k = 0; k < samples.length; k++) {
            if (targetSquares[k] > 0) {
                double cross = 0;
                double quadratic = 0;
                for (int i = 0; i < order; i++) {
                    cross += b[i] * crossTarget[k][i];
                    for (int j = 0; j < order; j++) {
                        quadratic += b[i] * crossRegressors[k][i][j] * b[j];
                    }
                }
                total += (targetSquares[k] - 2 * weight * cross + weight * weight * quadratic) / targetSquares[k];
            }
            weight *= decay;
        }
        return total;
    }

    /** @return how many (issue, lead) pairs lead k (from 1) was fitted on */
    public long samples(int lead) {
        return samples[lead - 1];
    }
}
