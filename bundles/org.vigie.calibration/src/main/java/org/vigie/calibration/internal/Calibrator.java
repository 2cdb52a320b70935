package org.vigie.calibration.internal;

/** A calibration algorithm. Implementations are stateless between calls and may be shared. */
public interface Calibrator {

    CalibrationResult calibrate(CalibrationProblem problem, CalibrationProgressListener listener);

    default CalibrationResult calibrate(CalibrationProblem problem) {
        return calibrate(problem, CalibrationProgressListener.IGNORE);
    }
}
