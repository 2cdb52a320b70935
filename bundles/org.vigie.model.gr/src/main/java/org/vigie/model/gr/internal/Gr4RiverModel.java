package org.vigie.model.gr.internal;

import java.time.Duration;
import java.time.Instant;
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
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;

/**
 * GR4J / GR4H as a forecast-cycle model: reads rainfall {@code P} and PET {@code E} (mm per step), resumes from
 * the state saved at the previous issue time (or starts cold, the available history acting as warm-up), runs to
 * the issue time, keeps that state for the next cycle, and continues over the horizon with the rainfall scenario
 * (zero rain where none is stored). Discharge leaves in m³/s using the catchment area.
 */
abstract class Gr4RiverModel implements RiverModel {

    static final String PRECIPITATION = "P";
    static final String EVAPOTRANSPIRATION = "E";
    static final String AREA = "areaKm2";
    static final int STATE_FORMAT = 1;

    private final GrModel variant;
    private final Duration step;
    private final ModelDescriptor descriptor;

    Gr4RiverModel(GrModel variant, Duration step, String uhUnit, double x4Max) {
        this.variant = variant;
        this.step = step;
        this.descriptor = new ModelDescriptor(List.of(PRECIPITATION, EVAPOTRANSPIRATION),
                List.of(new ParameterSpec("X1", "mm", 350, 1e-2, 20000, "production store capacity"),
                        new ParameterSpec("X2", "mm/" + uhUnit, 0, -50, 50, "groundwater exchange coefficient"),
                        new ParameterSpec("X3", "mm", 90, 1e-2, 20000, "routing store capacity"),
                        new ParameterSpec("X4", uhUnit, variant == GrModel.GR4J ? 1.7 : 40, 0.5, x4Max,
                                "unit hydrograph time base"),
                        new ParameterSpec(AREA, "km2", 0, 0, 1e6, "catchment area, converts mm per step to m3/s; "
                                + "must be set")),
                STATE_FORMAT, variant + " rainfall-runoff model (INRAE), exact to airGR; P and E in mm per step");
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
        double area = x.getOrDefault(AREA, 0.0);
        if (!(area > 0)) {
            throw new IllegalArgumentException(id() + ": parameter " + AREA + " (catchment area) must be set");
        }
        GrParameters grParameters = variant.parameters(x.get("X1"), x.get("X2"), x.get("X3"), x.get("X4"));
        TimeSeries rain = request.input(PRECIPITATION);
        TimeSeries pet = request.input(EVAPOTRANSPIRATION);
        // the grid follows the model step (whole hours, whole UTC days), whatever second the cycle was issued at
        long stepSeconds = step.getSeconds();
        Instant issue = Instant.ofEpochSecond(Math.floorDiv(request.issueTime().getEpochSecond(), stepSeconds)
                * stepSeconds);

        GrState state = variant.defaultInitialState(grParameters);
        Instant start = ForcingGrid.firstStep(rain, issue, step);
        ModelState saved = request.initialState();
        if (saved != null && saved.formatVersion() == STATE_FORMAT && saved.modelId().equals(id())
                && !saved.validAt().isAfter(issue) && start != null && !saved.validAt().isBefore(start)) {
            start = saved.validAt();
            state = GrState.of(saved.variable("production")[0], saved.variable("routing")[0],
                    saved.variable("uh1"), saved.variable("uh2"));
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
        double toCubicMetresPerSecond = area * 1e3 / step.getSeconds();
        double[] q = new double[qmm.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = qmm[i] * toCubicMetresPerSecond;
        }
        Instant stateTime = start.plus(step.multipliedBy(past));
        ModelState next = new ModelState(id(), STATE_FORMAT, stateTime, Map.of(
                "production", new double[] {atIssue.production()},
                "routing", new double[] {atIssue.routing()},
                "uh1", atIssue.uh1(),
                "uh2", atIssue.uh2()));
        return new ModelResult(new RegularTimeSeries(Quantity.Q, stateTime.plus(step), step, q), next, Map.of());
    }
}
