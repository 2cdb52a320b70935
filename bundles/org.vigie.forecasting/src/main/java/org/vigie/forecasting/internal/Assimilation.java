package org.vigie.forecasting.internal;

/**
 * The outcome of assimilating one observed step.
 *
 * @param state     forecaster state after the step, routing store reset
 * @param simulated discharge the model simulated for the step from the previous (updated) state, before the reset
 * @param observed  the observed discharge of the step (NaN when missing: no reset, error 0)
 * @param error     the step's output error in transformed space, T(observed) − T(simulated), 0 when unknown
 */
public record Assimilation(ForecastState state, double simulated, double observed, double error) {
}
