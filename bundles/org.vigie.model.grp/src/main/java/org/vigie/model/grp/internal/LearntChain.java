package org.vigie.model.grp.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vigie.forecasting.internal.FlowTransform;
import org.vigie.forecasting.internal.OutputErrorModel;
import org.vigie.forecasting.internal.UncertaintyModel;

/**
 * What a hindcast learnt for one forecast point, kept in the point's model state so that every later cycle uses it:
 * the GR parameters it was learnt with, the decaying autoregressive output correction (GRP) and the table of
 * error-ratio quantiles by lead and flow class (OTAMIN). Flows are in mm per step. Immutable.
 *
 * <p>State variables (all arrays of doubles):
 * <ul>
 * <li>{@code learnt.parameters}: X1…X4 the chain was learnt with; the chain is used only while the run's parameters
 * are the same;</li>
 * <li>{@code learnt.periods}: calibration start and end, verified start and end, in epoch seconds (information);</li>
 * <li>{@code correction.transform} [λ, ε], {@code correction.decay} [φ], {@code correction.leads} [K],
 * {@code correction.lagCoefficients} b[0…p−1]: β(k, j) = φ^(k−1)·b[j] (absent: no correction);</li>
 * <li>{@code uncertainty.epsilon} [ε], {@code uncertainty.classBounds}, {@code uncertainty.shape} [K, C, 201],
 * {@code uncertainty.ratioQuantiles} (K·C·201, lead-major) (absent: the bundle's default table).</li>
 * </ul>
 *
 * @param parameters  X1… of the GR model the chain was learnt with
 * @param periods     calibration and verified periods (information), possibly empty
 * @param correction  the output correction, or null
 * @param uncertainty the uncertainty table, or null
 */
record LearntChain(double[] parameters, double[] periods, OutputErrorModel correction,
                   UncertaintyTables.Table uncertainty) {

    static final String PARAMETERS = "learnt.parameters";
    static final String PERIODS = "learnt.periods";
    static final String CORRECTION_TRANSFORM = "correction.transform";
    static final String CORRECTION_DECAY = "correction.decay";
    static final String CORRECTION_LEADS = "correction.leads";
    static final String CORRECTION_LAGS = "correction.lagCoefficients";
    static final String UNCERTAINTY_EPSILON = "uncertainty.epsilon";
    static final String UNCERTAINTY_BOUNDS = "uncertainty.classBounds";
    static final String UNCERTAINTY_SHAPE = "uncertainty.shape";
    static final String UNCERTAINTY_QUANTILES = "uncertainty.ratioQuantiles";

    /** Relative tolerance when comparing the run's parameters with those the chain was learnt with. */
    private static final double SAME_PARAMETERS = 1e-12;

    LearntChain {
        parameters = parameters.clone();
        periods = periods.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** What a hindcast learnt. */
    static LearntChain of(double[] parameters, Instant calibrateFrom, Instant calibrateTo, Instant from, Instant to,
                          OutputErrorModel correction, UncertaintyModel uncertainty) {
        return new LearntChain(parameters, new double[] {calibrateFrom.getEpochSecond(),
            calibrateTo.getEpochSecond(), from.getEpochSecond(), to.getEpochSecond()}, correction,
                uncertainty == null ? null : UncertaintyTables.of(uncertainty));
    }

    /** @return whether the chain was learnt with these GR parameters */
    boolean learntWith(double[] values) {
        if (values.length != parameters.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] - parameters[i]) > SAME_PARAMETERS * Math.max(1, Math.abs(parameters[i]))) {
                return false;
            }
        }
        return true;
    }

    UncertaintyModel uncertaintyModel() {
        return uncertainty == null ? null : uncertainty.toModel();
    }

    /** The chain's state variables. */
    Map<String, double[]> variables() {
        Map<String, double[]> variables = new LinkedHashMap<>();
        variables.put(PARAMETERS, parameters.clone());
        variables.put(PERIODS, periods.clone());
        if (correction != null) {
            FlowTransform transform = correction.transform();
            variables.put(CORRECTION_TRANSFORM, new double[] {transform.lambda(), transform.epsilon()});
            variables.put(CORRECTION_DECAY, new double[] {correction.decay()});
            variables.put(CORRECTION_LEADS, new double[] {correction.fittedLeads()});
            double[] lags = new double[correction.order()];
            for (int j = 0; j < lags.length; j++) {
                lags[j] = correction.coefficient(1, j);
            }
            variables.put(CORRECTION_LAGS, lags);
        }
        if (uncertainty != null) {
            variables.put(UNCERTAINTY_EPSILON, new double[] {uncertainty.epsilon()});
            variables.put(UNCERTAINTY_BOUNDS, uncertainty.classBounds());
            variables.put(UNCERTAINTY_SHAPE, new double[] {uncertainty.leads(), uncertainty.classes(),
                UncertaintyTables.GRID});
            variables.put(UNCERTAINTY_QUANTILES, uncertainty.quantiles());
        }
        return variables;
    }

    /** @return whether a state's variables hold a learnt chain */
    static boolean present(Map<String, double[]> variables) {
        return variables.containsKey(PARAMETERS);
    }

    /**
     * Reads a chain from state variables.
     *
     * @throws IllegalArgumentException when the variables are inconsistent
     */
    static LearntChain from(Map<String, double[]> variables) {
        double[] parameters = variables.get(PARAMETERS);
        double[] periods = variables.getOrDefault(PERIODS, new double[0]);
        OutputErrorModel correction = null;
        if (variables.containsKey(CORRECTION_LAGS)) {
            double[] transform = require(variables, CORRECTION_TRANSFORM, 2);
            double decay = require(variables, CORRECTION_DECAY, 1)[0];
            double leads = require(variables, CORRECTION_LEADS, 1)[0];
            double[] lags = variables.get(CORRECTION_LAGS);
            if (lags.length == 0 || !(leads >= 1) || leads != Math.rint(leads)) {
                throw new IllegalArgumentException("learnt output correction with " + lags.length + " lags and "
                        + leads + " leads");
            }
            correction = OutputErrorModel.decaying(new FlowTransform(transform[0], transform[1]), lags, decay,
                    (int) leads);
        }
        UncertaintyTables.Table uncertainty = null;
        if (variables.containsKey(UNCERTAINTY_QUANTILES)) {
            double[] shape = require(variables, UNCERTAINTY_SHAPE, 3);
            if (shape[2] != UncertaintyTables.GRID) {
                throw new IllegalArgumentException("learnt uncertainty on a grid of " + shape[2] + " points, expected "
                        + UncertaintyTables.GRID);
            }
            uncertainty = new UncertaintyTables.Table(require(variables, UNCERTAINTY_EPSILON, 1)[0],
                    variables.getOrDefault(UNCERTAINTY_BOUNDS, new double[0]), (int) shape[0], (int) shape[1],
                    variables.get(UNCERTAINTY_QUANTILES));
            uncertainty.toModel(); // checks ε, bounds and monotonic quantiles
        }
        return new LearntChain(parameters, periods, correction, uncertainty);
    }

    private static double[] require(Map<String, double[]> variables, String name, int length) {
        double[] values = variables.get(name);
        if (values == null || values.length != length) {
            throw new IllegalArgumentException("learnt chain: " + name + " needs " + length + " values, got "
                    + (values == null ? "none" : Arrays.toString(values)));
        }
        return values;
    }
}
