package org.vigie.model.gr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vigie.api.Quantity;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelDescriptor;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.api.spi.ParameterSpec;
import org.vigie.api.spi.RiverModel;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrParameter;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;

/**
 * A GR model (GR4J, GR4H, GR5J, GR5H, GR6J) as a forecast-cycle model: reads rainfall {@code P} and PET {@code E} (mm per step), resumes from
 * the state saved at the previous issue time (or starts cold, the available history acting as warm-up), runs to
 * the issue time, keeps that state for the next cycle, and continues over the horizon with the rainfall scenario
 * (zero rain where none is stored). Discharge leaves in m³/s using the catchment area.
 */
abstract class GrRiverModel implements RiverModel {

    static final String PRECIPITATION = "P";
    static final String EVAPOTRANSPIRATION = "E";
    static final String AREA = "areaKm2";
    static final String INTERCEPTION = "Imax";
    /** Format 1: production, routing, uh1, uh2 (GR4J/GR4H only); format 2: airGR's whole state vector. */
    static final int STATE_FORMAT = 2;
    private static final int GR4_STATE_FORMAT = 1;
    private static final String AIRGR_STATE = "airgr";

    private final GrModel variant;
    private final Duration step;
    private final ModelDescriptor descriptor;

    GrRiverModel(GrModel variant) {
        this.variant = variant;
        this.step = variant.timeStep();
        List<ParameterSpec> specs = parameterSpecs(variant);
        if (variant == GrModel.GR5H) {
            specs.add(new ParameterSpec(INTERCEPTION, "mm", 0, 0, 100,
                    "interception store capacity; 0 runs GR5H without the store"));
        }
        specs.add(new ParameterSpec(AREA, "km2", 0, 0, 1e6, "catchment area, converts mm per step to m3/s; "
                + "must be set"));
        this.descriptor = new ModelDescriptor(List.of(PRECIPITATION, EVAPOTRANSPIRATION), specs, STATE_FORMAT,
                variant + " rainfall-runoff model (INRAE) as in airGR; P and E in mm per step");
    }

    /**
     * The GR parameters as specs: admissible bounds are wide sanity limits, airGR's own floors (X1, X3 ≥ 0.01,
     * X4 ≥ 0.5) apply inside the model.
     */
    static List<ParameterSpec> parameterSpecs(GrModel variant) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (GrParameter p : variant.parameters()) {
            double min = Double.isInfinite(p.airGrMinimum()) ? -1000 : p.airGrMinimum();
            double max = Math.max(10 * Math.abs(p.typicalMax()), 1000);
            specs.add(new ParameterSpec(p.symbol(), p.unit(), (p.typicalMin() + p.typicalMax()) / 2, min, max,
                    p.meaning()));
        }
        return specs;
    }

    /** @return the catchment area parameter, refusing a forecast point that does not set it */
    static double area(String modelId, Map<String, Double> parameters) {
        double area = parameters.getOrDefault(AREA, 0.0);
        if (!(area > 0)) {
            throw new IllegalArgumentException(modelId + ": parameter " + AREA + " (catchment area) must be set");
        }
        return area;
    }

    /** @return X1… of {@code variant} in its order, from the resolved parameters */
    static double[] grValues(GrModel variant, Map<String, Double> parameters) {
        double[] values = new double[variant.parameters().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(variant.parameters().get(i).symbol());
        }
        return values;
    }

    @Override
    public String id() {
        return variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ModelResult run(ModelRequest request) {
        if (!request.step().equals(step)) {
            throw new IllegalArgumentException(id() + " runs on a " + step + " step, the forecast point asks for "
                    + request.step());
        }
        Map<String, Double> x = request.parameters();
        double area = area(id(), x);
        GrParameters grParameters = variant.parameters(grValues(variant, x));
        if (x.getOrDefault(INTERCEPTION, 0.0) > 0) {
            grParameters = grParameters.withInterceptionStore(x.get(INTERCEPTION));
        }
        TimeSeries rain = request.input(PRECIPITATION);
        TimeSeries pet = request.input(EVAPOTRANSPIRATION);
        Instant issue = ForcingGrid.alignedIssue(request.issueTime(), step);

        GrState state = variant.defaultInitialState(grParameters);
        Instant start = ForcingGrid.firstStep(rain, issue, step);
        ModelState saved = request.initialState();
        if (saved != null && saved.modelId().equals(id()) && !saved.validAt().isAfter(issue) && start != null
                && !saved.validAt().isBefore(start)) {
            GrState restored = restore(saved);
            if (restored != null) {
                start = saved.validAt();
                state = restored;
            }
        }
        if (start == null) {
            throw new IllegalArgumentException(id() + ": no rainfall in the history window");
        }
        int past = (int) (Duration.between(start, issue).toNanos() / step.toNanos());
        int total = past + request.horizonSteps();
        double[] p = ForcingGrid.onGrid(PRECIPITATION, rain, start, step, total, past, ForcingGrid.FutureGap.ZERO);
        double[] e = ForcingGrid.onGrid(EVAPOTRANSPIRATION, pet, start, step, total, past,
                ForcingGrid.FutureGap.LAST_VALUE);

        GrState atIssue = variant.run(grParameters, state, p, e, 0, past, GrOutputs.STATE_ONLY).endState();
        double[] qmm = variant.run(grParameters, atIssue, p, e, past, total, GrOutputs.QSIM_ONLY).qsim();
        double[] q = ForcingGrid.toCubicMetresPerSecond(qmm, area, step);
        Instant stateTime = start.plus(step.multipliedBy(past));
        ModelState next = new ModelState(id(), STATE_FORMAT, stateTime,
                Map.of(AIRGR_STATE, atIssue.toAirGrVector(variant)));
        return new ModelResult(new RegularTimeSeries(Quantity.Q, stateTime.plus(step), step, q), next, Map.of());
    }

    /** @return the state a saved model state describes, or {@code null} (cold start) for an unknown format */
    private GrState restore(ModelState saved) {
        if (saved.formatVersion() == STATE_FORMAT) {
            return GrState.fromAirGrVector(variant, saved.variable(AIRGR_STATE));
        }
        if (saved.formatVersion() == GR4_STATE_FORMAT && variant.uh1Length() > 0) {
            return GrState.of(saved.variable("production")[0], saved.variable("routing")[0], saved.variable("uh1"),
                    saved.variable("uh2"));
        }
        return null;
    }
}
