package org.vigie.model.grp.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vigie.api.spi.ModelState;
import org.vigie.forecasting.internal.FlowTransform;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrState;

/**
 * A GRP model's {@link ModelState}, format {@value #FORMAT}: the real-time part (GR state and recent one-step output
 * errors at {@code validAt}) and, when a hindcast has run, the {@link LearntChain}. Either part may be absent: a
 * hindcast that could not position a GR state saves the learnt chain alone, a point never hindcast has no chain.
 *
 * <p>Real-time variables:
 * <ul>
 * <li>{@code gr}: the GR state in airGR's {@code StateEnd} layout (stores, then UH1 and UH2 contents), routing store
 * already reset to the last observation;</li>
 * <li>{@code errors}: e(t), e(t−1), … the latest one-step output errors, transformed observed − transformed
 * simulated;</li>
 * <li>{@code errors.transform}: [λ, ε] of the Box-Cox transform those errors are measured in.</li>
 * </ul>
 *
 * @param validAt        the instant the real-time part describes (the end of the last step assimilated)
 * @param model          GR state at {@code validAt}, or null
 * @param errors         recent errors, most recent first
 * @param errorTransform the space of {@code errors}
 * @param learntRaw      the learnt chain's variables exactly as stored (carried over unchanged), possibly empty
 * @param learnt         the learnt chain read from them, or null (none, or unreadable)
 */
record GrpState(Instant validAt, GrState model, double[] errors, FlowTransform errorTransform,
                Map<String, double[]> learntRaw, LearntChain learnt) {

    /** Layout version of the variables. */
    static final int FORMAT = 1;
    static final String GR = "gr";
    static final String ERRORS = "errors";
    static final String ERROR_TRANSFORM = "errors.transform";

    GrpState {
        errors = errors.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        learntRaw.forEach((name, values) -> copy.put(name, values.clone()));
        learntRaw = copy;
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    /**
     * Reads a stored state.
     *
     * @return the state, or null when there is none or it belongs to another model or format (the model then
     *         starts as if it had never run)
     */
    static GrpState read(ModelState stored, String modelId, GrModel variant) {
        if (stored == null || !stored.modelId().equals(modelId) || stored.formatVersion() != FORMAT) {
            return null;
        }
        Map<String, double[]> variables = stored.variables();
        GrState model = null;
        double[] errors = new double[0];
        FlowTransform transform = null;
        if (variables.containsKey(GR)) {
            try {
                model = GrState.fromAirGrVector(variant, variables.get(GR));
                errors = variables.getOrDefault(ERRORS, new double[0]);
                double[] t = variables.get(ERROR_TRANSFORM);
                transform = t != null && t.length == 2 ? new FlowTransform(t[0], t[1]) : null;
            } catch (IllegalArgumentException unreadable) {
                model = null; // a damaged real-time part: warm up again
            }
        }
        Map<String, double[]> learntRaw = new LinkedHashMap<>();
        variables.forEach((name, values) -> {
            if (!name.equals(GR) && !name.equals(ERRORS) && !name.equals(ERROR_TRANSFORM)) {
                learntRaw.put(name, values);
            }
        });
        LearntChain learnt = null;
        if (LearntChain.present(learntRaw)) {
            try {
                learnt = LearntChain.from(learntRaw);
            } catch (IllegalArgumentException unreadable) {
                learnt = null; // kept as stored, not used
            }
        }
        return new GrpState(stored.validAt(), model, errors, transform, learntRaw, learnt);
    }

    /** The state to store. */
    ModelState write(String modelId, GrModel variant) {
        Map<String, double[]> variables = new LinkedHashMap<>(learntRaw);
        if (model != null) {
            variables.put(GR, model.toAirGrVector(variant));
            variables.put(ERRORS, errors.clone());
            if (errorTransform != null) {
                variables.put(ERROR_TRANSFORM, new double[] {errorTransform.lambda(), errorTransform.epsilon()});
            }
        }
        return new ModelState(modelId, FORMAT, validAt, variables);
    }

    /** A state made of a learnt chain and, if given, a real-time part. */
    static GrpState of(Instant validAt, GrState model, double[] errors, FlowTransform errorTransform,
                       LearntChain learnt) {
        return new GrpState(validAt, model, errors, errorTransform, learnt == null ? Map.of() : learnt.variables(),
                learnt);
    }
}
