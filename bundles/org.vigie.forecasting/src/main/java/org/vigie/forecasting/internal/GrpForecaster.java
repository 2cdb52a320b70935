package org.vigie.forecasting.internal;

import java.util.Objects;

import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrRun;
import org.vigie.model.gr.internal.core.GrState;

/**
 * Real-time forecasting with a GR model the way INRAE's GRP does it, as pure functions: no clock, no store.
 * <ol>
 * <li>{@link #assimilate}: run the model over the step just observed from the previous updated state, note the
 * output error e = T(Qobs) − T(Qsim), then reset the routing store level so that the step's simulated discharge
 * equals the observation ({@link ResetPolicy}, {@link RoutingStoreReset}).</li>
 * <li>{@link #forecast}: run the model from that state over the future forcings (a rainfall scenario), then add the
 * autoregressive correction of the recent errors ({@link OutputErrorModel}), fading with lead time.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class GrpForecaster {

    private final GrParameters parameters;
    private final ResetPolicy resetPolicy;
    private final FlowTransform transform;
    private final OutputErrorModel errorModel;
    private final int errorMemory;

    /**
     * @param transform  the space in which errors are measured (the error model's, when there is one)
     * @param errorModel the output correction, or null for the state update alone
     */
    public GrpForecaster(GrParameters parameters, ResetPolicy resetPolicy, FlowTransform transform,
                         OutputErrorModel errorModel, int errorMemory) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.resetPolicy = Objects.requireNonNull(resetPolicy, "resetPolicy");
        this.transform = Objects.requireNonNull(transform, "transform");
        this.errorModel = errorModel;
        if (errorModel != null && !errorModel.transform().equals(transform)) {
            throw new IllegalArgumentException("the error model was fitted in " + errorModel.transform()
                    + ", not in " + transform);
        }
        if (errorModel != null && errorModel.order() > errorMemory) {
            throw new IllegalArgumentException("the error model needs " + errorModel.order()
                    + " past errors, the forecaster keeps " + errorMemory);
        }
        this.errorMemory = errorMemory;
    }

    /** With the output correction: remembers as many errors as the model uses. */
    public static GrpForecaster withCorrection(GrParameters parameters, ResetPolicy resetPolicy,
                                               OutputErrorModel errorModel) {
        return new GrpForecaster(parameters, resetPolicy, errorModel.transform(), errorModel, errorModel.order());
    }

    /** The state update alone, remembering {@code errorMemory} errors (e.g. to fit an error model). */
    public static GrpForecaster withoutCorrection(GrParameters parameters, ResetPolicy resetPolicy,
                                                  FlowTransform transform, int errorMemory) {
        return new GrpForecaster(parameters, resetPolicy, transform, null, errorMemory);
    }

    public GrParameters parameters() {
        return parameters;
    }

    public ResetPolicy resetPolicy() {
        return resetPolicy;
    }

    public FlowTransform transform() {
        return transform;
    }

    /** @return the output correction, or null */
    public OutputErrorModel errorModel() {
        return errorModel;
    }

    /** A starting state from a model state, with no error known yet. */
    public ForecastState initialState(GrState model) {
        return ForecastState.initial(model, errorMemory);
    }

    /**
     * Assimilates one observed step.
     *
     * @param precipitation total precipitation of the step (mm)
     * @param evaporation   potential evapotranspiration of the step (mm)
     * @param observed      observed discharge of the step (mm per step), NaN when missing
     */
    public Assimilation assimilate(ForecastState state, double precipitation, double evaporation,
                                   double observed) {
        GrModel model = parameters.model();
        boolean reset = resetPolicy != ResetPolicy.NONE && Double.isFinite(observed) && observed >= 0;
        GrRun step = model.run(parameters, state.model(), new double[] {precipitation},
                new double[] {evaporation}, 0, 1, reset ? GrOutputs.ALL : GrOutputs.QSIM_ONLY);
        double simulated = step.qsim()[0];
        GrState end = step.endState();
        if (reset) {
            end = resetRouting(end, step.series("QR")[0], simulated, observed);
        }
        double error = Double.isFinite(observed) && observed >= 0
                ? transform.forward(observed) - transform.forward(simulated) : 0;
        return new Assimilation(new ForecastState(end, state.shiftedErrors(error)), simulated, observed, error);
    }

    /**
     * The routing store level after the step, recomputed so that the step's routing outflow is the one the policy
     * wants. The level before the outflow was R = Rend + Qr.
     */
    private GrState resetRouting(GrState end, double routingOutflow, double simulated, double observed) {
        double x3 = parameters.x(3);
        double others = Math.max(simulated - routingOutflow, 0);
        double wanted;
        if (resetPolicy == ResetPolicy.MATCH_TOTAL && observed > others) {
            wanted = observed - others;
        } else if (simulated > 0) {
            wanted = routingOutflow * observed / simulated;
        } else {
            // nothing simulated at all: the routing store gives the whole observation
            wanted = observed;
        }
        double level = RoutingStoreReset.levelForOutflow(wanted, x3);
        double remaining = RoutingStoreReset.remainingLevel(level, x3);
        return new GrState(end.production(), remaining, end.exponential(), end.interception(), end.uh1(),
                end.uh2());
    }

    /**
     * Forecasts from an updated state.
     *
     * @param futurePrecipitation precipitation of the next steps (index 0 = lead 1), from a rainfall scenario
     * @param futureEvaporation   potential evapotranspiration of the same steps
     */
    public Forecast forecast(ForecastState state, double[] futurePrecipitation, double[] futureEvaporation) {
        int leads = futurePrecipitation.length;
        if (futureEvaporation.length != leads) {
            throw new IllegalArgumentException(leads + " precipitation values but " + futureEvaporation.length
                    + " evaporation values");
        }
        double[] simulated = parameters.model().run(parameters, state.model(), futurePrecipitation,
                futureEvaporation, 0, leads, GrOutputs.QSIM_ONLY).qsim();
        double[] corrected = errorModel == null ? simulated.clone() : errorModel.apply(simulated, state);
        return new Forecast(simulated, corrected);
    }
}
