package org.vigie.model.gr.internal.core;

import org.junit.jupiter.api.Test;

/**
 * A rough time per step for each model, printed for the record (a JMH benchmark is the proper tool; this only
 * guards against gross regressions being unnoticed in the build log). Asserts nothing: timings vary with machines.
 */
class GrTimingTest {

    @Test
    void printsTheTimePerStep() {
        Forcings daily = Forcings.synthetic(false, 365 * 30, 3);
        Forcings hourly = Forcings.synthetic(true, 24 * 365 * 2, 3);
        for (GrParameters parameters : GrTestCases.airGrParameterSets()) {
            Forcings forcing = parameters.model().isHourly() ? hourly : daily;
            for (GrOutputs outputs : new GrOutputs[] {GrOutputs.QSIM_ONLY, GrOutputs.ALL}) {
                double nanosPerStep = Double.MAX_VALUE;
                double sink = 0;
                for (int round = 0; round < 100; round++) {
                    long start = System.nanoTime();
                    GrRun run = parameters.model().run(parameters, parameters.model().defaultInitialState(parameters),
                            forcing.precipitation(), forcing.evaporation(), 0, forcing.length(), outputs);
                    nanosPerStep = Math.min(nanosPerStep, (System.nanoTime() - start) / (double) forcing.length());
                    sink += run.qsim()[forcing.length() - 1];
                }
                System.out.printf("timing %s, %s: %.1f ns per step (best of 100 runs of %d steps; checksum %.3f)%n",
                        parameters, outputs, nanosPerStep, forcing.length(), sink);
            }
        }
    }
}
