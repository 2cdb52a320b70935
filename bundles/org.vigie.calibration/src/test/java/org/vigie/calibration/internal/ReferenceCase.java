package org.vigie.calibration.internal;

import java.util.Arrays;
import java.util.function.Function;

import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;

/**
 * One of airGR's scheduled calibration cases: inputs over the warm-up followed by the run period, observed discharge
 * over the run period, NSE on Qmm as criterion.
 *
 * <p>The model is run over the concatenation of the warm-up and run indices, as airGR's RunModel does. That matters for
 * the hourly case: airGR's test helper turns its date-hour bounds into dates with as.Date, so its warm-up ends at
 * 2004-12-31 00:00 and its run at 2008-12-31 00:00, and the 23 hours in between are skipped.</p>
 */
record ReferenceCase(String name, double[] precipitation, double[] potentialEvaporation, int warmUpSteps,
        double[] observedRun) {

    /** airGR's scheduled GR4J/GR5J/GR6J case: L0123001, warm-up 1985, run 1986-2012. */
    static ReferenceCase daily(BasinObservations basin) {
        return of("L0123001 daily", basin, basin.indexOf("1985-01-01"), basin.indexOf("1985-12-31"),
                basin.indexOf("1986-01-01"), basin.indexOf("2012-12-31"));
    }

    /** airGR's scheduled GR4H/GR5H case on L0123003, with its truncated day bounds (see the class comment). */
    static ReferenceCase hourly(BasinObservations basin) {
        return of("L0123003 hourly", basin, basin.indexOf("2004-01-01T00"), basin.indexOf("2004-12-31T00"),
                basin.indexOf("2005-01-01T00"), basin.indexOf("2008-12-31T00"));
    }

    static ReferenceCase of(String name, BasinObservations basin, int warmUpFirst, int warmUpLast, int runFirst,
            int runLast) {
        int warmUp = warmUpLast - warmUpFirst + 1;
        int run = runLast - runFirst + 1;
        double[] precipitation = new double[warmUp + run];
        double[] evaporation = new double[warmUp + run];
        System.arraycopy(basin.precipitation(), warmUpFirst, precipitation, 0, warmUp);
        System.arraycopy(basin.precipitation(), runFirst, precipitation, warmUp, run);
        System.arraycopy(basin.potentialEvaporation(), warmUpFirst, evaporation, 0, warmUp);
        System.arraycopy(basin.potentialEvaporation(), runFirst, evaporation, warmUp, run);
        double[] observed = Arrays.copyOfRange(basin.dischargeMm(), runFirst, runLast + 1);
        return new ReferenceCase(name, precipitation, evaporation, warmUp, observed);
    }

    /**
     * @param simulate real parameters and this case → simulated discharge over warm-up and run, from airGR's default
     *                 initial states
     */
    CalibrationProblem nseProblem(ParameterSpace space, Function<double[], double[]> simulate) {
        CalibrationObjective objective = parameters -> {
            double[] simulated = simulate.apply(parameters);
            double[] simulatedRun = Arrays.copyOfRange(simulated, warmUpSteps, simulated.length);
            return EfficiencyCriteria.nse(observedRun, simulatedRun).value();
        };
        return new CalibrationProblem(space, CriterionDefinition.maximised("NSE[Q]", 1.0), objective);
    }
}
