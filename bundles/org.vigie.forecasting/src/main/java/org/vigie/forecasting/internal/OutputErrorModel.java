package org.vigie.forecasting.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * GRP-style output correction: an autoregressive model of the recent one-step output errors, one set of
 * coefficients per lead time. In the transformed space z = T(Q) of a {@link FlowTransform}, the corrected forecast
 * at lead k issued after step t is
 *
 * <pre>
 *   z*(t+k) = z(t+k) + Σ_{j=0}^{p−1} β[k][j] · e(t−j),    e(s) = T(Qobs(s)) − T(Qsim(s | s−1))
 * </pre>
 *
 * where z(t+k) is the transformed model forecast from the updated state and e(s) the error the updated model made
 * on step s before its routing store was reset. Two forms are fitted by least squares on a hindcast of the
 * calibration period ({@link OutputErrorModelFitter}):
 * <ul>
 * <li>{@linkplain #decaying decaying} (the default): β[k][j] = φ^(k−1)·b[j] with 0 ≤ φ ≤ 1, so the correction fades
 * geometrically with the lead, GRP's choice;</li>
 * <li>{@linkplain #perLead per lead}: free β[k][j] for each lead, more flexible but free to grow with the lead
 * (kept for diagnostics).</li>
 * </ul>
 * Leads beyond the fitted ones continue the last lead's coefficients times φ per step. Immutable.
 */
public final class OutputErrorModel {

    private final FlowTransform transform;
    private final double[][] coefficients;
    private final double decay;

    /**
     * @param coefficients β[k−1][j] for leads k = 1…K and lags j = 0…p−1 (all rows of the same length p ≥ 1)
     * @param decay        φ in [0, 1], applied per step beyond lead K
     */
    private OutputErrorModel(FlowTransform transform, double[][] coefficients, double decay) {
        this.transform = Objects.requireNonNull(transform, "transform");
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("the decay φ must be in [0, 1], got " + decay);
        }
        this.decay = decay;
        if (coefficients.length == 0 || coefficients[0].length == 0) {
            throw new IllegalArgumentException("an output error model needs at least one lead and one lag");
        }
        this.coefficients = new double[coefficients.length][];
        for (int k = 0; k < coefficients.length; k++) {
            if (coefficients[k].length != coefficients[0].length) {
                throw new IllegalArgumentException("lead " + (k + 1) + " has " + coefficients[k].length
                        + " coefficients, lead 1 has " + coefficients[0].length);
            }
            for (double beta : coefficients[k]) {
                if (!Double.isFinite(beta)) {
                    throw new IllegalArgumentException("coefficient of lead " + (k + 1) + " is not finite");
                }
            }
            this.coefficients[k] = coefficients[k].clone();
        }
    }

    /**
     * Free coefficients per lead; leads beyond the last reuse its coefficients.
     *
     * @param coefficients β[k−1][j] for leads k = 1…K and lags j = 0…p−1
     */
    public static OutputErrorModel perLead(FlowTransform transform, double[][] coefficients) {
        return new OutputErrorModel(transform, coefficients, 1);
    }

    /**
     * β[k][j] = φ^(k−1)·b[j] at every lead k.
     *
     * @param lagCoefficients b[j], the lead-1 coefficients of lags j = 0…p−1
     * @param decay           φ in [0, 1]
     * @param leads           how many leads to tabulate (any lead can be asked for)
     */
    public static OutputErrorModel decaying(FlowTransform transform, double[] lagCoefficients, double decay,
                                            int leads) {
        double[][] table = new double[leads][lagCoefficients.length];
        for (int k = 0; k < leads; k++) {
            for (int j = 0; j < lagCoefficients.length; j++) {
                table[k][j] = Math.pow(decay, k) * lagCoefficients[j];
            }
        }
        return new OutputErrorModel(transform, table, decay);
    }

    /** @return φ, the factor applied per lead beyond the tabulated ones (1 for a per-lead model) */
    public double decay() {
        return decay;
    }

    public FlowTransform transform() {
        return transform;
    }

    /** @return p, how many past errors the correction uses */
    public int order() {
        return coefficients[0].length;
    }

    /** @return K, the last lead with its own coefficients */
    public int fittedLeads() {
        return coefficients.length;
    }

    /** @return β[k][j], lead k from 1 */
    public double coefficient(int lead, int lag) {
        return coefficients[Math.min(lead, coefficients.length) - 1][lag] * beyond(lead);
    }

    private double beyond(int lead) {
        if (lead < 1) {
            throw new IllegalArgumentException("leads start at 1, got " + lead);
        }
        return lead <= coefficients.length ? 1 : Math.pow(decay, lead - coefficients.length);
    }

    /** Correction added at lead k (≥ 1) in transformed space. */
    public double correction(int lead, ForecastState state) {
        double[] beta = coefficients[Math.min(lead, coefficients.length) - 1];
        double sum = 0;
        for (int j = 0; j < beta.length; j++) {
            sum += beta[j] * state.error(j);
        }
        return sum * beyond(lead);
    }

    /** The corrected forecast of a model forecast (index 0 = lead 1). */
    public double[] apply(double[] modelForecast, ForecastState state) {
        double[] corrected = new double[modelForecast.length];
        for (int i = 0; i < corrected.length; i++) {
            corrected[i] = transform.inverse(transform.forward(modelForecast[i]) + correction(i + 1, state));
        }
        return corrected;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("OutputErrorModel[").append(transform).append(", φ=").append(decay)
                .append(", β:");
        for (int k = 0; k < coefficients.length; k++) {
            text.append(' ').append(k + 1).append('=').append(Arrays.toString(coefficients[k]));
        }
        return text.append(']').toString();
    }
}
