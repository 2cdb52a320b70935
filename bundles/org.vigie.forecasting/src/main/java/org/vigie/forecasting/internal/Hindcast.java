package org.vigie.forecasting.internal;

import java.util.Arrays;
import java.util.Objects;

import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;

/**
 * Replays a period as if in real time: at every step the observation of that step is assimilated (routing store
 * reset, error noted), then a forecast is issued for the next leads from the future rainfall of a scenario. Only
 * data up to the issue step enter the updating; the model state is carried forward step by step, never re-run from
 * the start. Each forecast goes to a {@link Sink} as soon as it is made, so nothing is archived unless the sink
 * keeps it. A run is single-threaded; the same object may run several hindcasts in turn.
 */
public final class Hindcast {

    /** Consumes forecasts as they are issued (verification, error model fitting, an archive file…). */
    @FunctionalInterface
    public interface Sink {
        void accept(IssuedForecast forecast);
    }

    /**
     * Model inputs and observations on one regular time axis, in the model's units (mm per step).
     *
     * @param precipitation total precipitation per step (no gap where the model runs)
     * @param evaporation   potential evapotranspiration per step (no gap where the model runs)
     * @param observed      observed discharge per step, NaN where missing
     */
    public record Inputs(double[] precipitation, double[] evaporation, double[] observed) {
        public Inputs {
            if (precipitation.length != evaporation.length || precipitation.length != observed.length) {
                throw new IllegalArgumentException("P, E and Q differ in length: " + precipitation.length + ", "
                        + evaporation.length + ", " + observed.length);
            }
        }

        public int size() {
            return observed.length;
        }
    }

    /**
     * What to replay.
     *
     * @param assimilateFrom first step whose observation is assimilated (updating spins up from there)
     * @param issueFrom      first issue step (≥ assimilateFrom)
     * @param issueTo        end of the issue steps, exclusive
     * @param leads          forecast horizon in steps (fewer near the end of the inputs)
     * @param scenario       future rainfall
     */
    public record Period(int assimilateFrom, int issueFrom, int issueTo, int leads, RainfallScenario scenario) {
        public Period {
            Objects.requireNonNull(scenario, "scenario");
            if (assimilateFrom < 0 || assimilateFrom > issueFrom || issueFrom > issueTo || leads < 1) {
                throw new IllegalArgumentException("need 0 ≤ assimilateFrom ≤ issueFrom ≤ issueTo and leads ≥ 1, got "
                        + assimilateFrom + ", " + issueFrom + ", " + issueTo + ", " + leads);
            }
        }
    }

    private final GrpForecaster forecaster;

    public Hindcast(GrpForecaster forecaster) {
        this.forecaster = Objects.requireNonNull(forecaster, "forecaster");
    }

    /**
     * @param start model state at the start of step {@code period.assimilateFrom()} (after a warm-up)
     * @return the forecaster state after the last issue step
     */
    public ForecastState run(Inputs inputs, GrState start, Period period, Sink sink,
                             HindcastProgressListener progress, String phase) {
        if (period.issueTo() > inputs.size()) {
            throw new IllegalArgumentException("issue steps end at " + period.issueTo() + ", the inputs at "
                    + inputs.size());
        }
        GrParameters parameters = forecaster.parameters();
        GrModel model = parameters.model();
        double[] p = inputs.precipitation();
        double[] e = inputs.evaporation();
        double[] q = inputs.observed();
        ForecastState state = forecaster.initialState(start);
        GrState open = start;
        int total = period.issueTo() - period.assimilateFrom();
        int reported = -1;
        for (int i = period.assimilateFrom(); i < period.issueTo(); i++) {
            state = forecaster.assimilate(state, p[i], e[i], q[i]).state();
            open = model.run(parameters, open, p, e, i, i + 1, GrOutputs.STATE_ONLY).endState();
            if (i >= period.issueFrom()) {
                int leads = Math.min(period.leads(), inputs.size() - 1 - i);
                if (leads > 0) {
                    double[] futureP = period.scenario().future(p, i + 1, leads);
                    double[] futureE = Arrays.copyOfRange(e, i + 1, i + 1 + leads);
                    Forecast forecast = forecaster.forecast(state, futureP, futureE);
                    double[] openLoop = model.run(parameters, open, futureP, futureE, 0, leads, GrOutputs.QSIM_ONLY)
                            .qsim();
                    sink.accept(new IssuedForecast(i, q[i], state, forecast, openLoop));
                }
            }
            int percent = (int) (100L * (i + 1 - period.assimilateFrom()) / total);
            if (percent != reported) {
                reported = percent;
                progress.onProgress(phase, percent);
            }
        }
        return state;
    }
}
