package org.vigie.model.gr.internal.core;

import org.vigie.hydrology.internal.snow.CemaNeigeOutput;
import org.vigie.hydrology.internal.snow.CemaNeigeRun;

/**
 * The outcome of one CemaNeige–GR run: the GR run (fed with the snow module's liquid water), the per-layer snow
 * series, the liquid water itself and the end state.
 *
 * <p>The GR series keep the names of {@link GrModel#outputNames()}. Their {@code Precip} is what the GR model
 * received, i.e. the liquid water (rain plus melt), not the catchment precipitation; airGR overwrites that column
 * with the catchment precipitation in its coupled outputs.
 */
public final class CemaNeigeGrRun {

    private final GrRun gr;
    private final CemaNeigeRun snow;
    private final double[] liquidWater;
    private final CemaNeigeGrState end;

    CemaNeigeGrRun(GrRun gr, CemaNeigeRun snow, double[] liquidWater, CemaNeigeGrState end) {
        this.gr = gr;
        this.snow = snow;
        this.liquidWater = liquidWater;
        this.end = end;
    }

    /** @return the GR run over the same steps, with the series kept as asked ({@link GrOutputs}) */
    public GrRun gr() {
        return gr;
    }

    /** @return the CemaNeige series of every layer ({@code Pliq}, {@code Psol}, {@code SnowPack}, …), always kept */
    public CemaNeigeRun snow() {
        return snow;
    }

    /**
     * @return the catchment liquid water passed to the GR model [mm per step]: each layer's {@code PliqAndMelt}
     *         divided by the layer count, summed in layer order, as airGR does
     */
    public double[] liquidWater() {
        return liquidWater.clone();
    }

    /** @return the snow pack of each step averaged over the layers [mm], as airGR's layer mean (R's rowMeans) */
    public double[] meanSnowPack() {
        int[] all = new int[snow.layerCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return snow.layerMean(CemaNeigeOutput.SNOW_PACK, all);
    }

    /** @return simulated discharge at the outlet [mm per step] */
    public double[] qsim() {
        return gr.qsim();
    }

    /** @return the state after the last step, from which a later run resumes exactly */
    public CemaNeigeGrState endState() {
        return end;
    }

    /** @return the number of steps run */
    public int steps() {
        return gr.steps();
    }

    @Override
    public String toString() {
        return "CemaNeigeGrRun of " + gr.steps() + " steps over " + snow.layerCount() + " layers, end " + end;
    }
}
