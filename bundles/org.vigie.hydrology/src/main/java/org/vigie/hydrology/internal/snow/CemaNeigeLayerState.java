package org.vigie.hydrology.internal.snow;

/**
 * The state of one CemaNeige layer between two time steps.
 *
 * @param snowPack          G, snow water equivalent [mm]
 * @param thermalState      eTG, snow-pack thermal state [°C], never positive
 * @param meltThreshold     Gthreshold [mm] (hysteresis); 0 means "derive from the mean annual solid precipitation",
 *                          as airGR does for its default initial state. Ignored without hysteresis.
 * @param localMaxThreshold Glocalmax [mm] (hysteresis); 0 means "start equal to the melt threshold". Ignored without
 *                          hysteresis.
 * @param snowCoverRatio    Gratio, snow-covered fraction of the layer [0-1] after the step. Without hysteresis it is
 *                          recomputed from G each step and only informative. With hysteresis it carries memory;
 *                          airGR does not export it and restarts every run from 0, which is what {@link #INITIAL}
 *                          reproduces, while a state taken from a previous run resumes exactly.
 */
public record CemaNeigeLayerState(double snowPack, double thermalState, double meltThreshold,
                                  double localMaxThreshold, double snowCoverRatio) {

    /** airGR's default initial state: no snow, thermal state 0 °C, thresholds derived from the solid precipitation. */
    public static final CemaNeigeLayerState INITIAL = new CemaNeigeLayerState(0, 0, 0, 0, 0);

    /** A state given as airGR's {@code CreateIniStates} would take it (G, eTG, Gthr, Glocmax; Gratio restarts at 0). */
    public static CemaNeigeLayerState ofAirGrStates(double snowPack, double thermalState, double meltThreshold,
                                                    double localMaxThreshold) {
        return new CemaNeigeLayerState(snowPack, thermalState, meltThreshold, localMaxThreshold, 0);
    }
}
