package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GR4J and GR4H against airGR 1.7.6 runs (../shared/data/airgr-reference-runs): every column, every step.
 * The reference files print 10 significant digits, so "exact" means equal once rounded to 10 digits:
 * |java − ref| ≤ 5e-10·|ref| (half a unit in the 10th digit) plus 1e-12 mm for values printed near zero.
 */
class Gr4ReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GR4J_L0123001_full_nowarmup.csv, L0123001_BasinObs.csv, GR4J, 257.238, 1.012, 88.235, 2.208, , ",
        "GR4J_L0123001_1990-1999_warmup1989.csv, L0123001_BasinObs.csv, GR4J, 257.238, 1.012, 88.235, 2.208, 1989-01-01, 1990-01-01",
        "GR4H_L0123003_full_nowarmup.csv, L0123003_BasinObs.csv, GR4H, 756.930, -0.773, 138.638, 5.247, , ",
        "GR4H_L0123003_2005-2008_warmup2004.csv, L0123003_BasinObs.csv, GR4H, 756.930, -0.773, 138.638, 5.247, 2004-01-01T00:00:00Z, 2005-01-01T00:00:00Z"
    })
    void reproducesAirGrToTheLastPrintedDigit(String referenceFile, String inputFile, Gr4.Variant variant, double x1,
                                              double x2, double x3, double x4, String warmUpStart, String runStart)
            throws IOException {
        ReferenceTable reference = ReferenceTable.read("airgr-reference-runs/" + referenceFile);
        ReferenceTable inputs = ReferenceTable.read("airgr-catchments/" + inputFile);
        double[] p = inputs.column("P");
        double[] e = inputs.column("E");
        Gr4 model = new Gr4(variant, x1, x2, x3, x4);
        int runFrom = inputs.indexOf(reference.times.get(0));
        int runTo = runFrom + reference.rows.size();
        GrState state = model.initialState();
        if (warmUpStart != null) {
            int warmFrom = inputs.indexOf(warmUpStart);
            assertEquals(runFrom, inputs.indexOf(runStart));
            state = model.run(state, p, e, warmFrom, runFrom, false).endState();
        }
        GrRun run = model.run(state, p, e, runFrom, runTo, true);

        int compared = 0;
        double worst = 0;
        for (String column : reference.header.subList(1, reference.header.size())) {
            if (column.equals("Qobs")) {
                continue;
            }
            double[] expected = reference.column(column);
            double[] actual = run.series(column);
            for (int i = 0; i < expected.length; i++) {
                double tolerance = 5e-10 * Math.abs(expected[i]) + 1e-12;
                double error = Math.abs(actual[i] - expected[i]);
                assertTrue(error <= tolerance, () -> referenceFile + " " + column + " at " + reference.times.get(0)
                        + "+" + " row: expected " + expected[0] + "…; mismatch " + error + " > " + tolerance);
                worst = Math.max(worst, error / Math.max(Math.abs(expected[i]), 1e-300));
                compared++;
            }
        }
        System.out.printf("%s: %d values compared, worst relative error %.2e%n", referenceFile, compared, worst);
        assertTrue(compared >= reference.rows.size() * 10);
    }

    @ParameterizedTest
    @CsvSource({"GR4J, 257.238, 1.012, 88.235, 2.208, L0123001_BasinObs.csv",
        "GR4H, 756.930, -0.773, 138.638, 5.247, L0123003_BasinObs.csv"})
    void aRunResumedFromItsEndStateEqualsTheWholeRunBitForBit(Gr4.Variant variant, double x1, double x2, double x3,
                                                             double x4, String inputFile) throws IOException {
        ReferenceTable inputs = ReferenceTable.read("airgr-catchments/" + inputFile);
        double[] p = inputs.column("P");
        double[] e = inputs.column("E");
        Gr4 model = new Gr4(variant, x1, x2, x3, x4);
        GrRun whole = model.run(model.initialState(), p, e, 0, p.length, true);
        int split = p.length / 3;
        GrRun first = model.run(model.initialState(), p, e, 0, split, true);
        GrRun second = model.run(first.endState(), p, e, split, p.length, true);
        double[] joined = new double[p.length];
        System.arraycopy(first.qsim(), 0, joined, 0, split);
        System.arraycopy(second.qsim(), 0, joined, split, p.length - split);
        assertArrayEquals(whole.qsim(), joined);
        assertArrayEquals(whole.endState().uh2(), second.endState().uh2());
        assertEquals(whole.endState().routing(), second.endState().routing());
    }
}
