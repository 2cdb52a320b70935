package org.vigie.gis.internal.rainfall;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Catchment-mean rainfall of one time step, from gauges (Thiessen) or from a grid, renormalised over what actually
 * reported so that a missing gauge or a no-data cell does not read as zero rain.
 */
public final class ArealRainfall {

    private ArealRainfall() {
    }

    /**
     * The Thiessen mean over the gauges that reported, with the weights of that subset.
     *
     * <p>Coverage is the share of the catchment whose own gauge (nearest in the full network) reported, i.e. the sum
     * of the full-network weights of the reporting gauges: 1 when all gauges that matter reported, 0 when only
     * gauges outside the catchment's Thiessen cells did (the value is then an extrapolation).
     *
     * @param values gauge id → rainfall, mm per time step; NaN, null or absent = not reported; gauges outside the
     *               network are ignored
     * @return {@link ArealMean#NONE} when no gauge of the network reported
     */
    public static ArealMean thiessen(ThiessenWeights weights, Map<String, Double> values) {
        Set<String> reported = new HashSet<>();
        for (String id : weights.gauges().keySet()) {
            Double value = values.get(id);
            if (value != null && !value.isNaN()) {
                reported.add(id);
            }
        }
        if (reported.isEmpty()) {
            return ArealMean.NONE;
        }
        Map<String, Double> full = weights.weights();
        double weighted = 0;
        double total = 0;
        double coverage = 0;
        for (Map.Entry<String, Double> weight : weights.weightsFor(reported).entrySet()) {
            weighted += weight.getValue() * values.get(weight.getKey());
            total += weight.getValue();
            coverage += full.get(weight.getKey());
        }
        return new ArealMean(weighted / total, Math.min(1, coverage));
    }

    /**
     * The area-weighted mean of the grid's cells over the catchment, renormalised over the cells with data.
     *
     * <p>Coverage is the fraction of the catchment under cells with data; it also drops when the grid does not
     * cover the whole catchment.
     *
     * @param grid values, NaN for no data; its layout must be the one the weights were computed for
     * @return {@link ArealMean#NONE} when no covered cell has data
     */
    public static ArealMean grid(GridWeights weights, EsriAsciiGrid grid) {
        if (!weights.grid().equals(grid.geometry())) {
            throw new IllegalArgumentException("grid layout " + grid.geometry() + " differs from the layout of the "
                    + "weights " + weights.grid());
        }
        double weighted = 0;
        double withData = 0;
        for (GridWeights.CellWeight cell : weights.cells()) {
            double value = grid.value(cell.row(), cell.col());
            if (!Double.isNaN(value)) {
                weighted += cell.weight() * value;
                withData += cell.weight();
            }
        }
        if (withData == 0) {
            return ArealMean.NONE;
        }
        return new ArealMean(weighted / withData, Math.min(1, withData));
    }
}
