package org.vigie.forecasting.internal;

/**
 * Receives the progress of a long computation (hindcast, learning, calibration), on the computing thread; keep it
 * cheap. Called at most once per whole percent and phase.
 */
@FunctionalInterface
public interface HindcastProgressListener {

    HindcastProgressListener IGNORE = (phase, percent) -> {
    };

    /**
     * @param phase   what is running, e.g. "calibration", "hindcast"
     * @param percent 0…100 done within that phase
     */
    void onProgress(String phase, int percent);
}
