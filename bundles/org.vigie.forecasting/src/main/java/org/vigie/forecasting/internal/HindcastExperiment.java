package org.vigie.forecasting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.vigie.hydrology.internal.criteria.CriterionSettings;
import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;

/**
 * Sets up a forecasting chain on a calibration period and verifies it on a hindcast, the whole offline experiment:
 * <ol>
 * <li><b>calibration</b> of the GR parameters on the discharge by a {@link ChainCalibrator} (e.g. airGR's Michel
 * procedure), warm-up by {@link ModelWarmUp}, unless the parameters are given;</li>
 * <li><b>updating</b>: a hindcast of the calibration period with the routing store reset alone, whose errors fit the
 * decaying autoregressive output correction ({@link OutputErrorModelFitter#fitDecaying()});</li>
 * <li><b>uncertainty</b>: a hindcast of the calibration period with the full updating, whose relative errors by lead
 * and flow class give the {@link UncertaintyModel};</li>
 * <li><b>hindcast</b> of the verification period: every step, assimilate then forecast, scored on the fly by
 * {@link Verification}; the updating spins up over the warm-up before the first issue.</li>
 * </ol>
 * The learning hindcasts issue forecasts only while their targets stay inside the calibration period. Stateless;
 * each call is independent and single-threaded.
 */
public final class HindcastExperiment {

    /**
     * The inputs, on a regular time axis, in the model's units.
     *
     * @param times         UTC time stamps (the start of each step)
     * @param precipitation mm per step
     * @param evaporation   mm per step
     * @param observed      discharge, mm per step, NaN where missing
     */
    public record Series(Instant[] times, double[] precipitation, double[] evaporation, double[] observed) {
        public Series {
            int n = times.length;
            if (precipitation.length != n || evaporation.length != n || observed.length != n) {
                throw new IllegalArgumentException("times, P, E and Q differ in length");
            }
        }

        Hindcast.Inputs inputs() {
            return new Hindcast.Inputs(precipitation, evaporation, observed);
        }
    }

    /**
     * Wall-clock durations of the phases.
     */
    public record Timings(Duration calibration, Duration learning, Duration hindcast) {
        public Duration total() {
            return calibration.plus(learning).plus(hindcast);
        }
    }

    /**
     * Everything the experiment produced.
     *
     * @param settings             the settings it ran with
     * @param parameters           the model parameters used (calibrated or given)
     * @param calibration          the calibration, or null when the parameters were given
     * @param calibrationWarmUp    how the calibration period was warmed up
     * @param hindcastWarmUp       how the hindcast was warmed up
     * @param errorModel           the output correction, or null with errorOrder 0
     * @param uncertainty          the uncertainty model
     * @param verification         the per-lead scores and events of the hindcast
     * @param timings              wall time of each phase
     */
    public record Result(ChainSettings settings, GrParameters parameters, ChainCalibrator.Calibration calibration,
                         ModelWarmUp calibrationWarmUp, ModelWarmUp hindcastWarmUp, OutputErrorModel errorModel,
                         UncertaintyModel uncertainty, VerificationResult verification, Timings timings) {
    }

    private HindcastExperiment() {
    }

    /**
     * @param calibrator finds the parameters when the settings give none (may be null when they do)
     * @param archive    given the learnt uncertainty model, a sink that also receives every forecast of the
     *                   hindcast (e.g. {@link ForecastArchive}), or null
     */
    public static Result run(Series series, ChainSettings settings, ChainCalibrator calibrator,
                             HindcastProgressListener progress, Function<UncertaintyModel, Hindcast.Sink> archive) {
        Objects.requireNonNull(progress, "progress");
        int n = series.observed().length;
        if (settings.calibrateTo() > n || settings.hindcastTo() > n) {
            throw new IllegalArgumentException("periods end beyond the " + n + " input steps");
        }
        GrModel model = settings.model();
        long start = System.nanoTime();
        ChainCalibrator.Calibration calibration = null;
        GrParameters parameters;
        if (settings.parameters() == null) {
            if (calibrator == null) {
                throw new IllegalArgumentException("no parameters given and no calibrator to find them");
            }
            calibration = calibrate(series, settings, calibrator, progress);
            parameters = model.parameters(calibration.parameters());
        } else {
            parameters = model.parameters(settings.parameters());
        }
        ModelWarmUp calibrationWarmUp = ModelWarmUp.before(parameters, series.times(), series.precipitation(),
                series.evaporation(), settings.calibrateFrom(), settings.calibrateTo());
        long calibrated = System.nanoTime();

        double[] calibrationFlows = Arrays.copyOfRange(series.observed(), settings.calibrateFrom(),
                settings.calibrateTo());
        FlowTransform transform = FlowTransform.boxCoxWithAirGrEpsilon(settings.boxCoxLambda(), calibrationFlows);
        Hindcast.Period learning = new Hindcast.Period(settings.calibrateFrom(), settings.calibrateFrom(),
                settings.calibrateTo() - settings.leads(), settings.leads(), settings.scenario());
        double[] observed = series.observed();
        GrpForecaster forecaster;
        OutputErrorModel errorModel = null;
        if (settings.errorOrder() > 0) {
            OutputErrorModelFitter fitter = new OutputErrorModelFitter(transform, settings.errorOrder(),
                    settings.leads());
            new Hindcast(GrpForecaster.withoutCorrection(parameters, settings.resetPolicy(), transform,
                    settings.errorOrder())).run(series.inputs(), calibrationWarmUp.state(), learning,
                    issued -> fitter.add(issued.state(), issued.forecast().model(), targets(observed, issued)),
                    progress, "updating fit");
            errorModel = fitter.fitDecaying();
            forecaster = GrpForecaster.withCorrection(parameters, settings.resetPolicy(), errorModel);
        } else {
            forecaster = GrpForecaster.withoutCorrection(parameters, settings.resetPolicy(), transform, 0);
        }
        UncertaintyLearner learner = new UncertaintyLearner(settings.leads(), transform.epsilon());
        new Hindcast(forecaster).run(series.inputs(), calibrationWarmUp.state(), learning,
                issued -> learner.add(issued.forecast().corrected(), targets(observed, issued)), progress,
                "uncertainty");
        UncertaintyModel uncertainty = learner.build(settings.classProbabilities());
        long learnt = System.nanoTime();

        // the hindcast: warm up, let the updating spin up over the warm-up, then issue every step
        ModelWarmUp hindcastWarmUp = ModelWarmUp.before(parameters, series.times(), series.precipitation(),
                series.evaporation(), settings.hindcastFrom(), settings.hindcastTo());
        List<FloodEvent> events = FloodEvent.largest(observed, settings.hindcastFrom(), settings.hindcastTo(),
                settings.events(), 2 * settings.leads());
        Verification verification = new Verification(observed, settings.leads(), uncertainty,
                settings.lowerProbability(), settings.upperProbability(), settings.thresholds(), events);
        Hindcast.Sink extra = archive == null ? null : archive.apply(uncertainty);
        Hindcast.Sink sink = extra == null ? verification : issued -> {
            verification.accept(issued);
            extra.accept(issued);
        };
        int assimilateFrom = hindcastWarmUp.spinUp() ? settings.hindcastFrom() : hindcastWarmUp.from();
        var startState = hindcastWarmUp.spinUp() ? hindcastWarmUp.state()
                : model.defaultInitialState(parameters);
        new Hindcast(forecaster).run(series.inputs(), startState, new Hindcast.Period(assimilateFrom,
                settings.hindcastFrom(), settings.hindcastTo(), settings.leads(), settings.scenario()), sink,
                progress, "hindcast");
        long done = System.nanoTime();
        return new Result(settings, parameters, calibration, calibrationWarmUp, hindcastWarmUp, errorModel,
                uncertainty, verification.result(), new Timings(Duration.ofNanos(calibrated - start),
                Duration.ofNanos(learnt - calibrated), Duration.ofNanos(done - learnt)));
    }

    /** Observed discharge at the leads of a forecast. */
    static double[] targets(double[] observed, IssuedForecast issued) {
        return Arrays.copyOfRange(observed, issued.issueIndex() + 1, issued.issueIndex() + 1 + issued.leads());
    }

    private static ChainCalibrator.Calibration calibrate(Series series, ChainSettings settings,
                                                         ChainCalibrator calibrator,
                                                         HindcastProgressListener progress) {
        GrModel model = settings.model();
        double[] p = series.precipitation();
        double[] e = series.evaporation();
        int from = settings.calibrateFrom();
        int to = settings.calibrateTo();
        double[] observed = Arrays.copyOfRange(series.observed(), from, to);
        return calibrator.calibrate(model, settings.criterion(), x -> {
            GrParameters parameters = model.parameters(x);
            ModelWarmUp warm = ModelWarmUp.before(parameters, series.times(), p, e, from, to);
            double[] simulated = model.run(parameters, warm.state(), p, e, from, to, GrOutputs.QSIM_ONLY).qsim();
            return EfficiencyCriteria.compute(settings.criterion(), observed, simulated,
                    CriterionSettings.defaults()).value();
        }, progress);
    }
}
