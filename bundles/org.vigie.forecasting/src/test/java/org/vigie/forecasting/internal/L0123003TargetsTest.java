package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.forecasting.internal.calibration.MichelChainCalibrator;
import org.vigie.model.gr.internal.core.GrModel;

/**
 * The targets of docs/forecasting.md on airGR's real hourly basin L0123003 (920 km², read in place from the shared
 * data): GR4H calibrated on 2004–2006, hindcast of 2007–2008 issued every hour with leads 1–24 h and the observed
 * rainfall as the future.
 */
class L0123003TargetsTest {

    private static HindcastExperiment.Result result;
    private static Duration wallTime;

    @BeforeAll
    static void runTheExperiment() throws Exception {
        Basin basin = Basin.read("L0123003");
        int calibrateFrom = basin.index("2004-01-01T00:00:00Z");
        int calibrateTo = basin.index("2007-01-01T00:00:00Z");
        int hindcastTo = basin.times().length;
        ChainSettings settings = ChainSettings.defaults(GrModel.GR4H, calibrateFrom, calibrateTo, calibrateTo,
                hindcastTo, 24).withThresholds(100 * 3.6 / 920, 200 * 3.6 / 920);
        long start = System.nanoTime();
        result = HindcastExperiment.run(new HindcastExperiment.Series(basin.times(), basin.precipitation(),
                basin.evaporation(), basin.dischargeMm()), settings, new MichelChainCalibrator(),
                HindcastProgressListener.IGNORE, null);
        wallTime = Duration.ofNanos(System.nanoTime() - start);
        VerificationResult verification = result.verification();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "L0123003 GR4H %s, %s%n",
                result.calibration().summary(), result.errorModel()));
        table.append("lead      NSE      KGE     bias  cover  NSE_pers  NSE_noupd  NSE_state\n");
        for (LeadScores lead : verification.leads()) {
            table.append(String.format(Locale.ROOT, "%4d  %7.4f  %7.4f  %7.4f  %5.3f  %8.4f  %9.4f  %9.4f%n",
                    lead.lead(), lead.nse(), lead.kge(), lead.bias(), lead.coverage(), lead.nsePersistence(),
                    lead.nseNoUpdate(), lead.nseStateUpdateOnly()));
        }
        HindcastExperiment.Timings timings = result.timings();
        table.append(String.format(Locale.ROOT, "overall 10-90 %% coverage %.4f; %d forecasts; calibration %.2f s, "
                        + "learning %.2f s, hindcast %.2f s, whole experiment %.2f s%n",
                verification.overallCoverage(), verification.issues(), timings.calibration().toNanos() / 1e9,
                timings.learning().toNanos() / 1e9, timings.hindcast().toNanos() / 1e9, wallTime.toNanos() / 1e9));
        System.out.print(table);
    }

    @Test
    void updatingBeatsPersistenceAtEveryLead() {
        for (LeadScores lead : result.verification().leads()) {
            assertTrue(lead.nse() > lead.nsePersistence(), "lead " + lead.lead() + ": NSE " + lead.nse()
                    + " vs persistence " + lead.nsePersistence());
        }
    }

    @Test
    void updatingBeatsTheSameModelWithoutUpdatingAtEveryLead() {
        for (LeadScores lead : result.verification().leads()) {
            assertTrue(lead.nse() > lead.nseNoUpdate(), "lead " + lead.lead() + ": NSE " + lead.nse()
                    + " vs no update " + lead.nseNoUpdate());
        }
    }

    @Test
    void bandHoldsEightyPercentOfTheObservations() {
        double coverage = result.verification().overallCoverage();
        assertTrue(coverage >= 0.75 && coverage <= 0.85, "10–90 % band coverage " + coverage);
    }

    @Test
    void twoHourlyYearsRunInUnderAMinute() {
        // every hour of 2007–2008 (731 days, 17,544 steps) but the last, which has no future left in the data
        assertEquals(731 * 24 - 1, result.verification().issues());
        assertTrue(result.timings().hindcast().compareTo(Duration.ofMinutes(1)) < 0, result.timings().toString());
        // calibration, learning and hindcast together too
        assertTrue(wallTime.compareTo(Duration.ofMinutes(1)) < 0, wallTime.toString());
    }

    @Test
    void outputCorrectionFadesWithLeadTime() {
        OutputErrorModel errors = result.errorModel();
        assertTrue(errors.decay() > 0 && errors.decay() < 1, errors.toString());
        for (int lead = 2; lead <= 24; lead++) {
            assertTrue(Math.abs(errors.coefficient(lead, 0)) < Math.abs(errors.coefficient(lead - 1, 0)));
        }
    }
}
