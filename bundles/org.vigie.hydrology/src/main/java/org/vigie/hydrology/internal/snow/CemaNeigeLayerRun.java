package org.vigie.hydrology.internal.snow;

import java.util.EnumMap;
import java.util.Map;

/** The output series of one layer over a run, and the state to resume from. */
public final class CemaNeigeLayerRun {

    private final Map<CemaNeigeOutput, double[]> series;
    private final CemaNeigeLayerState endState;

    CemaNeigeLayerRun(Map<CemaNeigeOutput, double[]> series, CemaNeigeLayerState endState) {
        this.series = new EnumMap<>(series);
        this.endState = endState;
    }

    /** A copy of one output series, one value per time step of the run. */
    public double[] series(CemaNeigeOutput output) {
        return series.get(output).clone();
    }

    public int stepCount() {
        return series.get(CemaNeigeOutput.SNOW_PACK).length;
    }

    public CemaNeigeLayerState endState() {
        return endState;
    }

    double valueAt(CemaNeigeOutput output, int step) {
        return series.get(output)[step];
    }
}
