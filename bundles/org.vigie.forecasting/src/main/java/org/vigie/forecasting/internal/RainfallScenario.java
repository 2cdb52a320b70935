package org.vigie.forecasting.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the future rainfall of a forecast comes from. In real time it is a rainfall forecast; a hindcast replays
 * either the rain that fell ("perfect forecast", an upper bound of what a rainfall forecast could give) or no rain
 * at all (what is already in the catchment, a lower bound).
 */
public enum RainfallScenario {
    /** The observed rainfall of the forecast steps: hindcasts only, it is not known at the issue time. */
    OBSERVED,
    /** No rain after the issue time. */
    ZERO;

    /**
     * @param precipitation the whole observed series (mm per step)
     * @param firstFuture   index of the step of lead 1
     * @param leads         how many steps
     */
    public double[] future(double[] precipitation, int firstFuture, int leads) {
        return switch (this) {
            case OBSERVED -> Arrays.copyOfRange(precipitation, firstFuture, firstFuture + leads);
            case ZERO -> new double[leads];
        };
    }

    /** Parses {@code observed} or {@code zero} (case-insensitive). */
    public static RainfallScenario parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rainfall scenario is 'observed' or 'zero', got '" + text + "'");
        }
    }
}
