package org.vigie.calibration.internal;

/**
 * Receives progress on the calibrating thread; keep it cheap (log, publish to a queue). A calibration may call it once
 * per model run.
 */
@FunctionalInterface
public interface CalibrationProgressListener {

    CalibrationProgressListener IGNORE = progress -> {
    };

    void onProgress(CalibrationProgress progress);
}
