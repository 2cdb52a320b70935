package org.vigie.hydrology.internal.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vigie.hydrology.internal.testdata.ReferenceFiles;
import org.vigie.testing.SharedData;

/**
 * Criteria on airGR's own man-page runs (reference_summary.txt). Qsim in the files is rounded to 10 significant
 * digits, which limits the achievable agreement to about 1e-9.
 */
class AirGrReferenceCriteriaTest {

    private static final double ROUNDED_QSIM_TOLERANCE = 1e-9;

    @Test
    void gr4jDailyRunNseAndKgeMatchAirGr() {
        ReferenceFiles.Table run = ReferenceFiles.readCsv(
                SharedData.file("airgr-reference-runs/GR4J_L0123001_1990-1999_warmup1989.csv"));
        double[] qobs = run.numbers("Qobs");
        double[] qsim = run.numbers("Qsim");

        CriterionResult nse = EfficiencyCriteria.nse(qobs, qsim);
        CriterionResult kge = EfficiencyCriteria.kge(qobs, qsim);

        assertEquals(0.798822077163961, nse.value(), ROUNDED_QSIM_TOLERANCE);
        assertEquals(0.785405249972021, kge.value(), ROUNDED_QSIM_TOLERANCE);
        long missing = java.util.Arrays.stream(qobs).filter(Double::isNaN).count();
        assertEquals(qobs.length - missing, nse.usedSteps());
        System.out.printf("GR4J L0123001 NSE %.15f (|err| %.2e), KGE %.15f (|err| %.2e)%n",
                nse.value(), Math.abs(nse.value() - 0.798822077163961),
                kge.value(), Math.abs(kge.value() - 0.785405249972021));
    }

    @Test
    void gr4hHourlyRunNseMatchesAirGr() {
        ReferenceFiles.Table run = ReferenceFiles.readCsv(
                SharedData.file("airgr-reference-runs/GR4H_L0123003_2005-2008_warmup2004.csv"));
        CriterionResult nse = EfficiencyCriteria.nse(run.numbers("Qobs"), run.numbers("Qsim"));
        assertEquals(0.880625193466063, nse.value(), ROUNDED_QSIM_TOLERANCE);
        System.out.printf("GR4H L0123003 NSE %.15f (|err| %.2e)%n",
                nse.value(), Math.abs(nse.value() - 0.880625193466063));
    }
}
