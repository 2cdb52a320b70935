package org.vigie.hydrology.internal.snow;

import java.util.List;

import org.vigie.hydrology.internal.numeric.RArithmetic;

/** A CemaNeige run over all elevation layers. */
public final class CemaNeigeRun {

    private final List<CemaNeigeLayerRun> layers;

    CemaNeigeRun(List<CemaNeigeLayerRun> layers) {
        this.layers = List.copyOf(layers);
    }

    public int layerCount() {
        return layers.size();
    }

    public CemaNeigeLayerRun layer(int index) {
        return layers.get(index);
    }

    public List<CemaNeigeLayerState> endStates() {
        return layers.stream().map(CemaNeigeLayerRun::endState).toList();
    }

    /**
     * Catchment liquid water input for the rainfall-runoff model [mm per time step]: the mean of the layers'
     * {@code PliqAndMelt}, accumulated as airGR's {@code RunModel_CemaNeigeGR*} does (each layer divided by the layer
     * count, then summed in layer order), so the GR model receives bit-identical inputs.
     */
    public double[] liquidWaterForRunoffModel() {
        int steps = layers.get(0).stepCount();
        int count = layers.size();
        double[] total = new double[steps];
        for (int t = 0; t < steps; t++) {
            double sum = layers.get(0).valueAt(CemaNeigeOutput.PLIQ_AND_MELT, t) / count;
            for (int layer = 1; layer < count; layer++) {
                sum = sum + layers.get(layer).valueAt(CemaNeigeOutput.PLIQ_AND_MELT, t) / count;
            }
            total[t] = sum;
        }
        return total;
    }

    /** Mean over the given layers of an output, as airGR compares SCA (Gratio) or SWE (SnowPack) to observations. */
    public double[] layerMean(CemaNeigeOutput output, int... layerIndices) {
        int steps = layers.get(0).stepCount();
        double[] mean = new double[steps];
        double[] row = new double[layerIndices.length];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < layerIndices.length; i++) {
                row[i] = layers.get(layerIndices[i]).valueAt(output, t);
            }
            mean[t] = RArithmetic.rowMean(row);
        }
        return mean;
    }
}
