package org.vigie.forecasting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A flood event of the observed series: its peak and the window over which forecasts are compared with it.
 *
 * @param peakIndex  index of the observed peak
 * @param windowFrom first index of the window
 * @param windowTo   end of the window, exclusive
 */
public record FloodEvent(int peakIndex, int windowFrom, int windowTo) {

    public int length() {
        return windowTo - windowFrom;
    }

    /**
     * The largest independent observed peaks of {@code [from, to)}: repeatedly the highest value not within
     * {@code separation} steps of a peak already taken, which is also the highest of its own ±separation
     * neighbourhood and rises above its lowest value (a rising limb cut by the period's edge or a flat stretch is
     * not a peak). Windows span ±separation steps, clipped to the period. Largest first.
     */
    public static List<FloodEvent> largest(double[] observed, int from, int to, int count, int separation) {
        List<Integer> order = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (Double.isFinite(observed[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> observed[i]).reversed());
        List<FloodEvent> events = new ArrayList<>();
        for (int candidate : order) {
            if (events.size() >= count) {
                break;
            }
            boolean near = events.stream().anyMatch(e -> Math.abs(e.peakIndex() - candidate) <= separation);
            if (near || candidate - from < separation / 2 || to - 1 - candidate < separation / 2) {
                continue;
            }
            boolean localMaximum = true;
            double lowest = observed[candidate];
            for (int j = Math.max(from, candidate - separation); j < Math.min(to, candidate + separation + 1); j++) {
                if (observed[j] > observed[candidate]) {
                    localMaximum = false;
                    break;
                }
                if (observed[j] < lowest) {
                    lowest = observed[j];
                }
            }
            // a flat stretch is no event
            if (localMaximum && lowest < observed[candidate]) {
                events.add(new FloodEvent(candidate, Math.max(from, candidate - separation),
                        Math.min(to, candidate + separation + 1)));
            }
        }
        return events;
    }
}
