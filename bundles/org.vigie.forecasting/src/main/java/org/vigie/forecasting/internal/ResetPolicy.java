package org.vigie.forecasting.internal;

/**
 * How the observed discharge Qobs of the last step is shared between GR's two branches when the routing store is
 * reset. Only the routing branch can be changed by a state update: the direct branch Qd (UH2 and exchange) and, for
 * GR6J, the exponential store's outflow are what the model made of the same step.
 */
public enum ResetPolicy {
    /**
     * The routing outflow takes all of the difference: Qr* = Qobs − (Qsim − Qr), so the simulated total of the last
     * step equals Qobs. When the other branches alone already exceed Qobs, that is impossible without emptying the
     * store; the routing outflow is then scaled as in {@link #PROPORTIONAL}.
     */
    MATCH_TOTAL,
    /** The routing outflow is scaled by the ratio of the observation to the simulation: Qr* = Qr · Qobs / Qsim. */
    PROPORTIONAL,
    /** No state update: the model runs on open loop (only the output correction, if any, applies). */
    NONE
}
