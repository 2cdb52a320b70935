package org.vigie.model.gr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.vigie.hydrology.internal.snow.CemaNeige;
import org.vigie.hydrology.internal.snow.CemaNeigeLayerState;
import org.vigie.hydrology.internal.snow.CemaNeigeParameters;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs;
import org.vigie.hydrology.internal.snow.ValeryAltitudeExtrapolation;
import org.vigie.model.gr.internal.core.CemaNeigeGr;
import org.vigie.model.gr.internal.core.CemaNeigeGrState;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrState;

/**
 * A daily GR model behind the CemaNeige snow module, in the forecast cycle: rainfall {@code P}, PET {@code E} and
 * air temperature {@code T} of the catchment feed one snow layer (airGR's behaviour without a hypsometric curve),
 * whose liquid water feeds GR. Like {@link GrRiverModel} it resumes from the state kept at the previous issue time;
 * the state also keeps the mean annual solid precipitation computed at the cold start, so resumed runs use the
 * same value.
 */
abstract class CemaNeigeRiverModel implements RiverModel {

    static final String TEMPERATURE = "T";
    static final int STATE_FORMAT = 1;

    private final GrModel variant;
    private final ModelDescriptor descriptor;

    CemaNeigeRiverModel(GrModel variant) {
        this.variant = variant;
        List<ParameterSpec> specs = new ArrayList<>(GrRiverModel.parameterSpecs(variant));
        specs.add(new ParameterSpec("CTG", "-", 0.5, 0, 1, "snow pack thermal state weighting"));
        specs.add(new ParameterSpec("Kf", "mm/degC/d", 3, 0, 20, "degree-day melt factor"));
        specs.add(new ParameterSpec(GrRiverModel.AREA, "km2", 0, 0, 1e6, "catchment area, converts mm per step to "
                + "m3/s; must be set"));
        descriptor = new ModelDescriptor(List.of(GrRiverModel.PRECIPITATION, GrRiverModel.EVAPOTRANSPIRATION,
                TEMPERATURE), specs, STATE_FORMAT, "CemaNeige" + variant + " (INRAE), one snow layer; P, E in mm per "
                + "day, T in degC");
    }

    @Override
    public String id() {
        return "cemaneige-" + variant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ModelResult run(ModelRequest request) {
        Duration step = variant.timeStep();
        if (!request.step().equals(step)) {
            throw new IllegalArgumentException(id() + " runs on a " + step + " step, the forecast point asks for "
                    + request.step());
        }
        Map<String, Double> x = request.parameters();
        double area = GrRiverModel.area(id(), x);
        CemaNeigeGr model = CemaNeigeGr.of(variant.parameters(GrRiverModel.grValues(variant, x)),
                CemaNeigeParameters.withoutHysteresis(x.get("CTG"), x.get("Kf")));
        TimeSeries rain = request.input(GrRiverModel.PRECIPITATION);
        Instant issue = ForcingGrid.alignedIssue(request.issueTime(), step);

        CemaNeigeGrState state = model.defaultInitialState(1);
        double[] meanSolid = null;
        Instant start = ForcingGrid.firstStep(rain, issue, step);
        ModelState saved = request.initialState();
        if (saved != null && saved.modelId().equals(id()) && saved.formatVersion() == STATE_FORMAT
                && !saved.validAt().isAfter(issue) && start != null && !saved.validAt().isBefore(start)) {
            double[] snow = saved.variable("snow");
            state = new CemaNeigeGrState(GrState.fromAirGrVector(variant, saved.variable("gr")),
                    List.of(new CemaNeigeLayerState(snow[0], snow[1], snow[2], snow[3], snow[4])));
            meanSolid = saved.variable("meanSolidPrecipitation");
            start = saved.validAt();
        }
        if (start == null) {
            throw new IllegalArgumentException(id() + ": no rainfall in the history window");
        }
        int past = (int) (Duration.between(start, issue).toNanos() / step.toNanos());
        int total = past + request.horizonSteps();
        double[] p = ForcingGrid.onGrid(GrRiverModel.PRECIPITATION, rain, start, step, total, past,
                ForcingGrid.FutureGap.ZERO);
        double[] e = ForcingGrid.onGrid(GrRiverModel.EVAPOTRANSPIRATION, request.input(GrRiverModel.EVAPOTRANSPIRATION),
                start, step, total, past, ForcingGrid.FutureGap.LAST_VALUE);
        double[] t = ForcingGrid.onGrid(TEMPERATURE, request.input(TEMPERATURE), start, step, total, past,
                ForcingGrid.FutureGap.LAST_VALUE);
        ElevationLayerInputs layers = ValeryAltitudeExtrapolation.singleLayerWithoutHypsometry(p, t);
        if (meanSolid == null) {
            // the observed past only: the scenario's zero rain would bias it
            meanSolid = CemaNeige.meanAnnualSolidPrecipitation(past > 0
                    ? ValeryAltitudeExtrapolation.singleLayerWithoutHypsometry(Arrays.copyOf(p, past),
                    Arrays.copyOf(t, past)) : layers, CemaNeige.DAILY_STEPS_PER_YEAR);
        }
        CemaNeigeGrState atIssue = model.run(state, layers, e, meanSolid, 0, past, GrOutputs.STATE_ONLY).endState();
        double[] qmm = model.run(atIssue, layers, e, meanSolid, past, total, GrOutputs.QSIM_ONLY).qsim();
        Instant stateTime = start.plus(step.multipliedBy(past));
        CemaNeigeLayerState snow = atIssue.layers().get(0);
        ModelState next = new ModelState(id(), STATE_FORMAT, stateTime, Map.of(
                "gr", atIssue.gr().toAirGrVector(variant),
                "snow", new double[] {snow.snowPack(), snow.thermalState(), snow.meltThreshold(),
                    snow.localMaxThreshold(), snow.snowCoverRatio()},
                "meanSolidPrecipitation", meanSolid));
        return new ModelResult(new RegularTimeSeries(Quantity.Q, stateTime.plus(step), step,
                ForcingGrid.toCubicMetresPerSecond(qmm, area, step)), next, Map.of());
    }
}
