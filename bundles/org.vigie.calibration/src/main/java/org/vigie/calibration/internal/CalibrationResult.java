package org.vigie.calibration.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Outcome of a calibration.
 *
 * @param criterion  raw criterion value at the final parameters (e.g. NSE)
 * @param runs       number of model runs
 * @param iterations Michel: airGR's NIter (screening counted as one); CMA-ES: generations
 * @param history    best point after each iteration, starting point first
 */
public record CalibrationResult(String method, List<String> parameterNames, double[] realParameters,
        double[] transformedParameters, String criterionName, double criterion, int runs, int iterations,
        List<CalibrationStep> history, Duration elapsed) {

    public CalibrationResult {
        parameterNames = List.copyOf(parameterNames);
        realParameters = realParameters.clone();
        transformedParameters = transformedParameters.clone();
        history = List.copyOf(history);
    }

    @Override
    public double[] realParameters() {
        return realParameters.clone();
    }

    @Override
    public double[] transformedParameters() {
        return transformedParameters.clone();
    }

    /** One line for logs and the CLI, parameters with 7 significant digits like R's default print. */
    public String summary() {
        StringBuilder text = new StringBuilder(method).append(':');
        for (int i = 0; i < realParameters.length; i++) {
            text.append(' ').append(parameterNames.get(i)).append('=')
                    .append(String.format(Locale.ROOT, "%.7g", realParameters[i]));
        }
        return text.append(String.format(Locale.ROOT, " %s=%.6f (%d runs, %d iterations, %.2f s)", criterionName,
                criterion, runs, iterations, elapsed.toNanos() / 1e9)).toString();
    }
}
