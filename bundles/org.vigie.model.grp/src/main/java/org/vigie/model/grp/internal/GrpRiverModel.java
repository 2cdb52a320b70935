package org.vigie.model.grp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigie.api.Quantity;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelDescriptor;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ParameterSpec;
import org.vigie.api.spi.RiverModel;
import org.vigie.forecasting.internal.FlowTransform;
import org.vigie.forecasting.internal.Forecast;
import org.vigie.forecasting.internal.ForecastState;
import org.vigie.forecasting.internal.GrpForecaster;
import org.vigie.forecasting.internal.OutputErrorModel;
import org.vigie.forecasting.internal.ResetPolicy;
import org.vigie.forecasting.internal.UncertaintyModel;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrParameter;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;

/**
 * A GR model run the way INRAE's GRP runs it in real time, as a forecast-cycle model. Each run:
 * <ol>
 * <li>starts from the stored state when it lies inside the history window (otherwise from airGR's default initial
 * state at the first rainfall step of the window, the history acting as warm-up);</li>
 * <li>assimilates every step from there to the issue time: GR runs the step with the observed P and E, the one-step
 * output error is noted and the routing store is reset so that the step's discharge equals the observed one
 * ({@link ResetPolicy#MATCH_TOTAL}); a step without observation is run as is;</li>
 * <li>forecasts {@code horizonSteps} ahead with the rainfall stored beyond the issue time (an imported rainfall
 * forecast) or none (zero-rain scenario), PET carried on;</li>
 * <li>corrects the forecast with the autoregressive error model when a hindcast has learnt one (else the state
 * update alone), and gives its quantiles from the learnt uncertainty table, or from the bundle's default table.</li>
 * </ol>
 * The state is saved at the end of the last step that had an observation (at most one day, and at most half the
 * history window, before the issue time), so that a reading that arrives late is still assimilated by the next
 * cycle. Pure function of the request; thread-safe.
 */
abstract class GrpRiverModel implements RiverModel {

    static final String PRECIPITATION = "P";
    static final String EVAPOTRANSPIRATION = "E";
    static final String AREA = "areaKm2";
    /** Probabilities of the quantiles every forecast carries. */
    static final double[] PROBABILITIES = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};
    /** Internal series: the model forecast before the output correction (m³/s). */
    static final String UNCORRECTED = "Qmodel";
    /** Internal flags: [1] when the forecast point's learnt chain was used, [0] otherwise. */
    static final String LEARNT = "learnt";
    /** Box-Cox λ of the errors kept while no correction is learnt (they are then only informative). */
    static final FlowTransform UNLEARNT_TRANSFORM = new FlowTransform(0.5, 0);
    /** Errors kept while no correction is learnt. */
    static final int UNLEARNT_ERROR_MEMORY = 2;
    /** How long the state waits for a late discharge reading before moving on without it. */
    static final Duration LATE_DATA = Duration.ofHours(24);

    private final GrModel variant;
    private final String id;
    private final Duration step;
    private final ModelDescriptor descriptor;

    GrpRiverModel(GrModel variant) {
        this.variant = variant;
        this.id = GrpModels.id(variant);
        this.step = variant.timeStep();
        List<ParameterSpec> specs = new ArrayList<>();
        for (GrParameter p : variant.parameters()) {
            // the same admissible ranges as the gr4h/gr4j models: wide sanity limits, airGR's floors inside
            double min = Double.isInfinite(p.airGrMinimum()) ? -1000 : p.airGrMinimum();
            double max = Math.max(10 * Math.abs(p.typicalMax()), 1000);
            specs.add(new ParameterSpec(p.symbol(), p.unit(), (p.typicalMin() + p.typicalMax()) / 2, min, max,
                    p.meaning()));
        }
        specs.add(new ParameterSpec(AREA, "km2", 0, 0, 1e6, "catchment area, converts mm per step to m3/s; "
                + "must be set"));
        this.descriptor = new ModelDescriptor(List.of(PRECIPITATION, EVAPOTRANSPIRATION, ModelRequest.TARGET), specs,
                GrpState.FORMAT, variant + " with GRP-style updating (routing store reset to the observed discharge,"
                + " autoregressive output correction) and OTAMIN-style quantiles; P and E in mm per step, target Q in"
                + " m3/s. Until a hindcast of the forecast point (POST /api/forecast-points/{id}/hindcast) learns its"
                + " own correction and uncertainty: state update only, and the default uncertainty table learnt on"
                + " airGR's basin " + (variant == GrModel.GR4H ? "L0123003 (hourly)" : "L0123001 (daily)"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    GrModel variant() {
        return variant;
    }

    @Override
    public ModelResult run(ModelRequest request) {
        if (!request.step().equals(step)) {
            throw new IllegalArgumentException(id + " runs on a " + step + " step, the forecast point asks for "
                    + request.step());
        }
        Map<String, Double> x = request.parameters();
        double area = x.getOrDefault(AREA, 0.0);
        if (!(area > 0) || Double.isInfinite(area)) {
            throw new IllegalArgumentException(id + ": parameter " + AREA + " (catchment area) must be set");
        }
        GrParameters parameters = variant.parameters(grValues(x));
        TimeSeries rain = request.input(PRECIPITATION);
        TimeSeries pet = request.input(EVAPOTRANSPIRATION);
        TimeSeries target = request.input(ModelRequest.TARGET);
        if (target.quantity() != Quantity.Q) {
            throw new IllegalArgumentException(id + " forecasts discharge: its target must be Q in m3/s, got "
                    + target.quantity());
        }
        Instant issue = StepGrid.alignedIssue(request.issueTime(), step);
        Instant first = StepGrid.firstStep(rain, issue, step);
        if (first == null || first.isAfter(issue)) {
            throw new IllegalArgumentException(id + ": no rainfall in the history window before " + issue);
        }

        // what the point has learnt, if the run's parameters are those it was learnt with
        GrpState stored = GrpState.read(request.initialState(), id, variant);
        LearntChain learnt = stored == null ? null : stored.learnt();
        boolean useLearnt = learnt != null && learnt.learntWith(parameters.values());
        OutputErrorModel correction = useLearnt ? learnt.correction() : null;
        UncertaintyModel uncertainty = useLearnt && learnt.uncertainty() != null ? learnt.uncertaintyModel()
                : DefaultUncertainty.of(variant);
        FlowTransform transform = correction != null ? correction.transform() : UNLEARNT_TRANSFORM;
        int memory = correction != null ? correction.order() : UNLEARNT_ERROR_MEMORY;
        GrpForecaster forecaster = new GrpForecaster(parameters, ResetPolicy.MATCH_TOTAL, transform, correction,
                memory);

        // where the assimilation starts: the stored state when the window reaches back to it, else a warm-up
        Instant start = first;
        ForecastState state = forecaster.initialState(variant.defaultInitialState(parameters));
        if (stored != null && stored.model() != null && !stored.validAt().isAfter(issue)
                && !stored.validAt().isBefore(first) && StepGrid.onGrid(stored.validAt(), issue, step)) {
            start = stored.validAt();
            double[] errors = transform.equals(stored.errorTransform())
                    ? Arrays.copyOf(stored.errors(), memory) : new double[memory];
            state = new ForecastState(stored.model(), errors);
        }
        int past = StepGrid.steps(start, issue, step);
        int total = past + request.horizonSteps();
        double[] p = StepGrid.forcing(PRECIPITATION, rain, start, step, total, past, StepGrid.FutureGap.ZERO);
        double[] e = StepGrid.forcing(EVAPOTRANSPIRATION, pet, start, step, total, past,
                StepGrid.FutureGap.LAST_VALUE);
        double[] observed = StepGrid.discharge(target, start, step, past, area);

        // the state to save: after the last observed step, unless that is longer ago than a late reading can be
        int window = StepGrid.steps(first, issue, step);
        int late = (int) Math.min(LATE_DATA.toNanos() / step.toNanos(), window / 2);
        int lastObserved = past - 1;
        while (lastObserved >= 0 && Double.isNaN(observed[lastObserved])) {
            lastObserved--;
        }
        int saveAfter = Math.max(lastObserved + 1, Math.max(past - late, 0));
        ForecastState saved = state;
        for (int k = 0; k < past; k++) {
            state = forecaster.assimilate(state, p[k], e[k], observed[k]).state();
            if (k + 1 == saveAfter) {
                saved = state;
            }
        }

        Forecast forecast = forecaster.forecast(state, Arrays.copyOfRange(p, past, total),
                Arrays.copyOfRange(e, past, total));
        double[] corrected = forecast.corrected();
        Map<Double, double[]> quantiles = new LinkedHashMap<>();
        double[][] bands = uncertainty.quantiles(corrected, PROBABILITIES);
        for (int i = 0; i < PROBABILITIES.length; i++) {
            quantiles.put(PROBABILITIES[i], StepGrid.toCubicMetresPerSecond(bands[i], area, step));
        }
        Map<String, double[]> internals = Map.of(
                UNCORRECTED, StepGrid.toCubicMetresPerSecond(forecast.model(), area, step),
                LEARNT, new double[] {useLearnt ? 1 : 0});
        GrpState next = new GrpState(start.plus(step.multipliedBy(saveAfter)), saved.model(), saved.recentErrors(),
                transform, stored == null ? Map.of() : stored.learntRaw(), learnt);
        return new ModelResult(new RegularTimeSeries(Quantity.Q, issue.plus(step), step,
                StepGrid.toCubicMetresPerSecond(corrected, area, step)), next.write(id, variant), internals,
                quantiles);
    }

    /** @return X1… of the variant in its order, from the resolved parameters */
    private double[] grValues(Map<String, Double> parameters) {
        double[] values = new double[variant.parameters().size()];
        for (int i = 0; i < values.length; i++) {
            String symbol = variant.parameters().get(i).symbol();
            Double value = parameters.get(symbol);
            if (value == null) {
                throw new IllegalArgumentException(id + ": parameter " + symbol + " missing");
            }
            values[i] = value;
        }
        return values;
    }
}
