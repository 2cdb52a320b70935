package org.vigie.gis.internal.rainfall;

/**
 * A catchment-mean rainfall together with how much of the catchment it rests on, so that the caller can refuse a
 * mean built on too little data (say below 80 %) instead of taking a partial sum for a dry catchment.
 *
 * @param value    mean rainfall over the catchment, mm per time step; NaN when no data fell on it
 * @param coverage fraction of the catchment, in [0, 1], that the data came from (see {@link ArealRainfall})
 */
public record ArealMean(double value, double coverage) {

    /** No data at all. */
    public static final ArealMean NONE = new ArealMean(Double.NaN, 0);

    public boolean hasValue() {
        return !Double.isNaN(value);
    }
}
