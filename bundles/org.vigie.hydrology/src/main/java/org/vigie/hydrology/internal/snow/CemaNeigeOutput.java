package org.vigie.hydrology.internal.snow;

/** The per-layer output series of CemaNeige, named as airGR names them in {@code CemaNeigeLayers}. */
public enum CemaNeigeOutput {
    /** Liquid precipitation [mm per time step]. */
    PLIQ("Pliq"),
    /** Solid precipitation [mm per time step]. */
    PSOL("Psol"),
    /** Snow pack G at the end of the step [mm]. */
    SNOW_PACK("SnowPack"),
    /** Snow-pack thermal state eTG [°C]. */
    THERMAL_STATE("ThermalState"),
    /** Snow-covered fraction of the layer [0-1], comparable with satellite snow cover. */
    GRATIO("Gratio"),
    /** Potential melt [mm per time step]. */
    POT_MELT("PotMelt"),
    /** Actual melt [mm per time step]. */
    MELT("Melt"),
    /** Liquid precipitation plus melt, the water passed to the rainfall-runoff model [mm per time step]. */
    PLIQ_AND_MELT("PliqAndMelt"),
    /** Layer mean air temperature [°C]. */
    TEMP("Temp"),
    /** Melt threshold [mm]: 0.9 × mean annual solid precipitation, or the hysteresis threshold. */
    GTHRESHOLD("Gthreshold"),
    /** Local maximum threshold of the hysteresis [mm]; NaN without hysteresis (airGR writes -999.999). */
    GLOCALMAX("Glocalmax");

    private final String airGrName;

    CemaNeigeOutput(String airGrName) {
        this.airGrName = airGrName;
    }

    public String airGrName() {
        return airGrName;
    }
}
