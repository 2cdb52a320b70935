package org.vigie.hydrology.internal.criteria;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases. obs = {1, 2, 3, 4}, sim = {1.5, 2, 2.5, 5}: mean(obs) = 2.5, mean(sim) = 2.75,
 * Σ(sim−obs)² = 1.5, Σ(obs−2.5)² = 5, Σ(sim−2.75)² = 7.25, Σ(obs dev · sim dev) = 5.5.
 */
class EfficiencyCriteriaTest {

    private static final double[] OBS = {1, 2, 3, 4};
    private static final double[] SIM = {1.5, 2, 2.5, 5};
    private static final double TIGHT = 1e-15;

    @Test
    void nseIsOneMinusModelErrorOverVarianceOfObservations() {
        CriterionResult nse = EfficiencyCriteria.nse(OBS, SIM);
        assertEquals(1 - 1.5 / 5, nse.value(), TIGHT);
        assertEquals("NSE[Q]", nse.name());
        assertEquals(-1, nse.multiplier());
        assertEquals(4, nse.usedSteps());
    }

    @Test
    void kgeHasCorrelationVariabilityRatioAndBiasRatio() {
        CriterionResult kge = EfficiencyCriteria.kge(OBS, SIM);
        double r = 5.5 / Math.sqrt(5 * 7.25);
        double alpha = Math.sqrt(7.25 / 5);
        double beta = 1.1;
        assertEquals(r, kge.subCriterion("r"), TIGHT);
        assertEquals(alpha, kge.subCriterion("alpha"), TIGHT);
        assertEquals(beta, kge.subCriterion("beta"), TIGHT);
        assertEquals(1 - Math.sqrt((r - 1) * (r - 1) + (alpha - 1) * (alpha - 1) + (beta - 1) * (beta - 1)),
                kge.value(), TIGHT);
        assertEquals(0.75676495713004, kge.value(), 1e-14);
    }

    @Test
    void kgePrimeUsesRatioOfCoefficientsOfVariation() {
        CriterionResult kge2 = EfficiencyCriteria.kge2(OBS, SIM);
        assertEquals(Math.sqrt(7.25 / 5) / 1.1, kge2.subCriterion("gamma"), TIGHT);
        assertEquals(0.8373701233821508, kge2.value(), 1e-14);
        assertEquals("KGE2[Q]", kge2.name());
    }

    @Test
    void rmseIsAnErrorToMinimise() {
        CriterionResult rmse = EfficiencyCriteria.rmse(OBS, SIM);
        assertEquals(Math.sqrt(1.5 / 4), rmse.value(), TIGHT);
        assertEquals(+1, rmse.multiplier());
        assertFalse(Criterion.RMSE.biggerIsBetter());
        assertTrue(Criterion.NSE.biggerIsBetter());
    }

    @Test
    void sqrtLogAndInverseTransformBothSeries() {
        assertEquals(0.767903603054459,
                EfficiencyCriteria.nse(OBS, SIM, CriterionSettings.transformed(FlowTransformation.SQRT)).value(),
                1e-14);
        assertEquals(0.7717815547327462,
                EfficiencyCriteria.nse(OBS, SIM, CriterionSettings.transformed(FlowTransformation.LOG)).value(),
                1e-14);
        CriterionResult inverse = EfficiencyCriteria.nse(OBS, SIM,
                CriterionSettings.transformed(FlowTransformation.INVERSE));
        assertEquals(0.6512820512820512, inverse.value(), 1e-14);
        assertEquals("NSE[1/Q]", inverse.name());
        assertEquals(0.5459629600536001,
                EfficiencyCriteria.kge(OBS, SIM, CriterionSettings.transformed(FlowTransformation.INVERSE)).value(),
                1e-14);
    }

    @Test
    void boxCoxCentresOnAHundredthOfTheMeanObservedFlow() {
        CriterionResult boxCox = EfficiencyCriteria.nse(OBS, SIM,
                CriterionSettings.transformed(FlowTransformation.BOX_COX));
        assertEquals(0.7768401510401318, boxCox.value(), 1e-14);
        assertEquals("NSE[boxcox(Q)]", boxCox.name());
    }

    @Test
    void boxCoxIgnoresEpsilon() {
        CriterionSettings boxCox = CriterionSettings.transformed(FlowTransformation.BOX_COX);
        assertEquals(EfficiencyCriteria.nse(OBS, SIM, boxCox).value(),
                EfficiencyCriteria.nse(OBS, SIM, boxCox.withEpsilon(0.5)).value(), 0.0);
    }

    @Test
    void powerHalfMatchesSquareRootAndIsLabelledWithItsExponent() {
        CriterionResult power = EfficiencyCriteria.nse(OBS, SIM,
                CriterionSettings.transformed(FlowTransformation.parse("^0.5")));
        assertEquals(0.767903603054459, power.value(), 1e-14);
        assertEquals("NSE[Q^0.5]", power.name());
        assertEquals(FlowTransformation.power(0.5), FlowTransformation.parse("0.5"));
        assertEquals(FlowTransformation.power(-1), FlowTransformation.parse("-1"));
    }

    @Test
    void powerTwoSquaresTheFlows() {
        double[] obsSquared = {1, 4, 9, 16};
        double[] simSquared = {2.25, 4, 6.25, 25};
        assertEquals(EfficiencyCriteria.nse(obsSquared, simSquared).value(),
                EfficiencyCriteria.nse(OBS, SIM, CriterionSettings.transformed(FlowTransformation.power(2))).value(),
                0.0);
    }

    @Test
    void sortComparesFlowDurationCurvesRankByRank() {
        double[] obsShuffled = {4, 1, 3, 2};
        double[] simShuffled = {1.5, 5, 2, 2.5};
        CriterionResult sorted = EfficiencyCriteria.nse(obsShuffled, simShuffled,
                CriterionSettings.transformed(FlowTransformation.SORT));
        assertEquals(0.7, sorted.value(), TIGHT);
        assertEquals("NSE[sort(Q)]", sorted.name());
    }

    @Test
    void missingValuesInEitherSeriesAreDroppedPairwise() {
        double[] obs = {1, Double.NaN, 2, 3, 4, 7};
        double[] sim = {1.5, 9, 2, 2.5, 5, Double.NaN};
        for (Criterion criterion : new Criterion[] {Criterion.NSE, Criterion.KGE, Criterion.KGE2}) {
            CriterionResult withGaps = EfficiencyCriteria.compute(criterion, obs, sim, CriterionSettings.defaults());
            CriterionResult complete = EfficiencyCriteria.compute(criterion, OBS, SIM, CriterionSettings.defaults());
            assertEquals(complete.value(), withGaps.value(), 0.0, criterion.name());
            assertArrayEquals(new int[] {1, 5}, withGaps.ignoredSteps());
            assertEquals(4, withGaps.usedSteps());
        }
    }

    @Test
    void rmseDividesByObservedCountEvenWhereTheSimulationIsMissingAsAirGrDoes() {
        double[] obs = {1, 2, 3, 4, 7};
        double[] sim = {1.5, 2, 2.5, 5, Double.NaN};
        assertEquals(Math.sqrt(1.5 / 5), EfficiencyCriteria.rmse(obs, sim).value(), TIGHT);
    }

    @Test
    void selectionExcludesUnselectedSteps() {
        double[] obs = {1, 2, 3, 4, 100};
        double[] sim = {1.5, 2, 2.5, 5, 0};
        boolean[] selection = {true, true, true, true, false};
        CriterionResult nse = EfficiencyCriteria.nse(obs, sim, CriterionSettings.defaults().withSelection(selection));
        assertEquals(0.7, nse.value(), TIGHT);
        assertArrayEquals(new int[] {4}, nse.ignoredSteps());
    }

    @Test
    void zeroObservedFlowIsExcludedUnderLogWithoutEpsilonAndWarned() {
        double[] obs = {0, 2, 3, 4};
        CriterionResult log = EfficiencyCriteria.nse(obs, SIM, CriterionSettings.transformed(FlowTransformation.LOG));
        assertEquals(0.6576455117281006, log.value(), 1e-14);
        assertArrayEquals(new int[] {0}, log.ignoredSteps());
        assertTrue(log.warnings().stream().anyMatch(w -> w.startsWith("zeroes detected in 'Qobs'")));
    }

    @Test
    void zeroSimulatedFlowIsExcludedUnderInverseWithoutEpsilon() {
        double[] sim = {0, 2, 2.5, 5};
        CriterionResult inverse = EfficiencyCriteria.nse(OBS, sim,
                CriterionSettings.transformed(FlowTransformation.INVERSE));
        assertArrayEquals(new int[] {0}, inverse.ignoredSteps());
        assertTrue(inverse.warnings().stream().anyMatch(w -> w.startsWith("zeroes detected in 'Qsim'")));
    }

    @Test
    void epsilonOffsetKeepsZeroFlowsUnderLog() {
        double[] obs = {0, 2, 3, 4};
        double epsilon = CriterionSettings.pushpalathaEpsilon(obs);
        assertEquals(0.0225, epsilon, TIGHT);
        CriterionResult log = EfficiencyCriteria.nse(obs, SIM,
                CriterionSettings.transformed(FlowTransformation.LOG).withEpsilon(epsilon));
        assertEquals(0.006722565789838653, log.value(), 1e-14);
        assertEquals(0, log.ignoredSteps().length);
        assertTrue(log.warnings().stream().noneMatch(w -> w.startsWith("zeroes detected")));
    }

    @Test
    void kgeNeedsTwoPointsAndWarnsBelowTen() {
        CriterionResult single = EfficiencyCriteria.kge(new double[] {1, Double.NaN}, new double[] {1, 2});
        assertFalse(single.isComputed());
        assertTrue(Double.isNaN(single.subCriterion("r")));
        assertTrue(single.warnings().contains("criterion computed on less than 10 time-steps"));
        assertTrue(EfficiencyCriteria.nse(new double[] {1, Double.NaN}, new double[] {1, 2}).isComputed());
    }

    @Test
    void perfectAndConstantSeriesFollowAirGrConventions() {
        double[] constant = {2, 2, 2};
        assertEquals(0.0, EfficiencyCriteria.nse(constant, constant).value(), 0.0);
        CriterionResult kge = EfficiencyCriteria.kge(constant, constant);
        assertEquals(1.0, kge.subCriterion("r"), 0.0);
        assertEquals(1.0, kge.subCriterion("alpha"), 0.0);
        assertEquals(1.0, kge.value(), 0.0);
        assertEquals(1.0, EfficiencyCriteria.nse(OBS, OBS).value(), 0.0);
        assertEquals(0.0, EfficiencyCriteria.rmse(OBS, OBS).value(), 0.0);
        assertFalse(EfficiencyCriteria.nse(constant, new double[] {1, 2, 3}).isComputed());
    }

    @Test
    void logWithKgeIsDiscouragedLikeAirGr() {
        CriterionResult kge = EfficiencyCriteria.kge(OBS, SIM, CriterionSettings.transformed(FlowTransformation.LOG));
        assertTrue(kge.warnings().stream().anyMatch(w -> w.startsWith("we do not advise using the KGE")));
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EfficiencyCriteria.nse(OBS, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> FlowTransformation.parse("cube"));
        assertThrows(IllegalArgumentException.class, () -> CriterionSettings.defaults().withEpsilon(0));
    }
}
