package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GR4J and GR4H against airGR 1.7.6 (../shared/data/airgr-reference-runs): every row and every column.
 *
 * <p>The reference files print 10 significant digits, so a value exact to airGR can differ from the printed one by
 * up to half a unit in the 10th digit, i.e. at most 5e-10·|ref|; 1e-12 mm more absorbs values printed near zero.
 * A looser tolerance would hide a wrong constant (the single-precision 0.9 shifts Q9 by 2.6e-8 relative), a
 * tighter one would fail on the rounding of the file, not on the model.
 */
class AirGrReferenceTest {

    private static final double HALF_UNIT_OF_TENTH_DIGIT = 5e-10;
    private static final double NEAR_ZERO = 1e-12;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GR4J_L0123001_full_nowarmup.csv, L0123001_BasinObs.csv, GR4J, 257.238, 1.012, 88.235, 2.208, false, -1",
        "GR4J_L0123001_1990-1999_warmup1989.csv, L0123001_BasinObs.csv, GR4J, 257.238, 1.012, 88.235, 2.208, true, 1827",
        "GR4H_L0123003_full_nowarmup.csv, L0123003_BasinObs.csv, GR4H, 756.930, -0.773, 138.638, 5.247, false, -1",
        "GR4H_L0123003_2005-2008_warmup2004.csv, L0123003_BasinObs.csv, GR4H, 756.930, -0.773, 138.638, 5.247, true, 0"
    })
    void reproducesEveryValueToTheLastPrintedDigit(String referenceFile, String inputFile, GrModel model, double x1,
                                                    double x2, double x3, double x4, boolean defaultWarmUp,
                                                    int documentedWarmUpStart) throws IOException {
        ReferenceTable reference = ReferenceTable.read("airgr-reference-runs/" + referenceFile);
        ReferenceTable inputs = ReferenceTable.read("airgr-catchments/" + inputFile);
        double[] p = inputs.column("P");
        double[] e = inputs.column("E");
        GrParameters parameters = model.parameters(x1, x2, x3, x4);
        int runFrom = inputs.indexOf(reference.times.get(0));
        int runTo = runFrom + reference.rows.size();
        assertEquals(reference.times.get(reference.rows.size() - 1), inputs.times.get(runTo - 1));
        int warmUpFrom = runFrom;
        if (defaultWarmUp) {
            warmUpFrom = WarmUp.defaultStart(inputs.instants(), runFrom);
            assertEquals(documentedWarmUpStart, warmUpFrom, "airGR's default warm-up start (SOURCE.md)");
        }
        GrRun run = model.runAfterWarmUp(parameters, model.defaultInitialState(parameters), p, e, warmUpFrom,
                runFrom, runFrom, runTo, GrOutputs.ALL);

        int compared = 0;
        int columns = 0;
        double worstRelative = 0;
        String worstAt = "";
        for (String column : reference.header.subList(1, reference.header.size())) {
            if (column.equals("Qobs")) {
                continue;
            }
            columns++;
            double[] expected = reference.column(column);
            double[] actual = run.series(column);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                double error = Math.abs(actual[i] - expected[i]);
                if (!(error <= HALF_UNIT_OF_TENTH_DIGIT * Math.abs(expected[i]) + NEAR_ZERO)) {
                    fail(referenceFile + ", " + column + " at " + reference.times.get(i) + ": airGR " + expected[i]
                            + ", Java " + actual[i]);
                }
                if (expected[i] != 0) {
                    double relative = error / Math.abs(expected[i]);
                    if (relative > worstRelative) {
                        worstRelative = relative;
                        worstAt = column + " " + reference.times.get(i);
                    }
                }
                compared++;
            }
        }
        System.out.printf("%s: %d rows x %d columns = %d values equal to the printed digits; worst relative "
                + "difference %.3e (%s)%n", referenceFile, reference.rows.size(), columns, compared, worstRelative,
                worstAt);
        assertEquals(reference.header.size() - 2, columns, "every model column but DatesR and Qobs");
    }

    /** airGR's criteria, given with 15 digits in reference_summary.txt, reached through the same Qsim. */
    @Test
    void reproducesAirGrsNashSutcliffeEfficiencies() throws IOException {
        assertEquals(0.798822077163961, nse("GR4J_L0123001_1990-1999_warmup1989.csv", "L0123001_BasinObs.csv",
                GrModel.GR4J.parameters(257.238, 1.012, 88.235, 2.208), 1827), 1e-14);
        assertEquals(0.880625193466063, nse("GR4H_L0123003_2005-2008_warmup2004.csv", "L0123003_BasinObs.csv",
                GrModel.GR4H.parameters(756.930, -0.773, 138.638, 5.247), 0), 1e-14);
    }

    private static double nse(String referenceFile, String inputFile, GrParameters parameters, int warmUpFrom)
            throws IOException {
        ReferenceTable reference = ReferenceTable.read("airgr-reference-runs/" + referenceFile);
        ReferenceTable inputs = ReferenceTable.read("airgr-catchments/" + inputFile);
        int runFrom = inputs.indexOf(reference.times.get(0));
        int runTo = runFrom + reference.rows.size();
        GrModel model = parameters.model();
        double[] qsim = model.runAfterWarmUp(parameters, model.defaultInitialState(parameters), inputs.column("P"),
                inputs.column("E"), warmUpFrom, runFrom, runFrom, runTo, GrOutputs.QSIM_ONLY).qsim();
        double[] qobs = inputs.column("Qmm");
        double sum = 0;
        int n = 0;
        for (int i = 0; i < qsim.length; i++) {
            if (!Double.isNaN(qobs[runFrom + i])) {
                sum += qobs[runFrom + i];
                n++;
            }
        }
        double mean = sum / n;
        double squaredErrors = 0;
        double squaredDeviations = 0;
        for (int i = 0; i < qsim.length; i++) {
            double obs = qobs[runFrom + i];
            if (!Double.isNaN(obs)) {
                squaredErrors += (qsim[i] - obs) * (qsim[i] - obs);
                squaredDeviations += (obs - mean) * (obs - mean);
            }
        }
        assertTrue(n > 0);
        return 1 - squaredErrors / squaredDeviations;
    }
}
