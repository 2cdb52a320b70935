package org.vigie.forecasting.internal;

import java.util.Arrays;

import org.vigie.hydrology.internal.criteria.PeakErrors;

/**
 * The forecasts of one flood event at fixed lead times: for each lead k and each step t of the event window, the
 * forecast issued k steps before t (NaN when it was not issued inside the hindcast). Model flow unit.
 */
public final class EventTrace {

    private final FloodEvent event;
    private final double[] observed;
    private final double[][] corrected;
    private final double[][] lower;
    private final double[][] upper;
    private final double[][] noUpdate;

    EventTrace(FloodEvent event, double[] observedSeries, int leads) {
        this.event = event;
        this.observed = Arrays.copyOfRange(observedSeries, event.windowFrom(), event.windowTo());
        corrected = nanTable(leads, event.length());
        lower = nanTable(leads, event.length());
        upper = nanTable(leads, event.length());
        noUpdate = nanTable(leads, event.length());
    }

    private static double[][] nanTable(int rows, int columns) {
        double[][] table = new double[rows][columns];
        for (double[] row : table) {
            Arrays.fill(row, Double.NaN);
        }
        return table;
    }

    void record(int lead, int target, double forecast, double low, double high, double openLoop) {
        int at = target - event.windowFrom();
        corrected[lead - 1][at] = forecast;
        lower[lead - 1][at] = low;
        upper[lead - 1][at] = high;
        noUpdate[lead - 1][at] = openLoop;
    }

    public FloodEvent event() {
        return event;
    }

    public int leads() {
        return corrected.length;
    }

    /** @return the observations over the window */
    public double[] observed() {
        return observed.clone();
    }

    /** @return the corrected forecasts at lead k over the window */
    public double[] forecast(int lead) {
        return corrected[lead - 1].clone();
    }

    public double[] lower(int lead) {
        return lower[lead - 1].clone();
    }

    public double[] upper(int lead) {
        return upper[lead - 1].clone();
    }

    public double[] noUpdate(int lead) {
        return noUpdate[lead - 1].clone();
    }

    /** @return whether any lead-k forecast falls in the window */
    public boolean covered(int lead) {
        for (double value : corrected[lead - 1]) {
            if (Double.isFinite(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The observed peak against the highest lead-k forecast within ±{@code radius} steps of it (the plotted window
     * may reach neighbouring events, whose peaks are not this one's); null when no lead-k forecast falls there.
     * Indices of the comparison are relative to the window.
     */
    public PeakErrors.PeakComparison peak(int lead, int radius) {
        int peakAt = event.peakIndex() - event.windowFrom();
        int from = Math.max(0, peakAt - radius);
        int to = Math.min(observed.length, peakAt + radius + 1);
        double[] forecast = corrected[lead - 1];
        boolean any = false;
        for (int i = from; i < to && !any; i++) {
            any = Double.isFinite(forecast[i]);
        }
        return any ? PeakErrors.compare(observed, forecast, from, to) : null;
    }
}
