package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class UncertaintyModelTest {

    private static final double EPSILON = 1e-9;

    /** Low forecasts (1–9) err by a ratio uniform in [0.8, 1.2], high ones (20–100) by [0.5, 1.5]; lead 2 twice as wide. */
    private static UncertaintyLearner learner() {
        UncertaintyLearner learner = new UncertaintyLearner(2, EPSILON);
        Random random = new Random(11);
        for (int i = 0; i < 40_000; i++) {
            double forecast = random.nextBoolean() ? 1 + 8 * random.nextDouble() : 20 + 80 * random.nextDouble();
            double width = forecast < 10 ? 0.2 : 0.5;
            double u = 2 * random.nextDouble() - 1;
            learner.add(new double[] {forecast, forecast},
                    new double[] {forecast * (1 + width * u), forecast * (1 + 2 * width * u)});
        }
        return learner;
    }

    @Test
    void quantilesFollowLeadAndFlowClass() {
        UncertaintyModel model = learner().build(0.5);
        assertEquals(2, model.classCount());
        assertTrue(model.classBounds()[0] > 8.9 && model.classBounds()[0] < 20.1,
                "the median forecast separates the two populations: " + model.classBounds()[0]);
        assertEquals(5 * 0.808, model.quantile(1, 5, 0.02), 0.02);
        assertEquals(5 * 0.96, model.quantile(1, 5, 0.4), 0.01);
        assertEquals(50 * 0.6, model.quantile(1, 50, 0.1), 0.3);
        assertEquals(50 * 1.4, model.quantile(1, 50, 0.9), 0.3);
        assertEquals(50 * 1.8, model.quantile(2, 50, 0.9), 0.5);
        assertEquals(50 * 1.8, model.quantile(7, 50, 0.9), 0.5, "later leads reuse the last learnt one");
        double[][] band = model.quantiles(new double[] {5, 50}, 0.1, 0.9);
        assertEquals(model.quantile(2, 50, 0.9), band[1][1], 0);
    }

    @Test
    void exceedanceProbabilityInvertsTheQuantiles() {
        UncertaintyModel model = learner().build(0.5);
        for (double p : new double[] {0.05, 0.1, 0.37, 0.5, 0.9, 0.99}) {
            for (double forecast : new double[] {3, 40}) {
                double q = model.quantile(1, forecast, p);
                assertEquals(1 - p, model.exceedanceProbability(1, forecast, q), 1e-9, "p=" + p + " Qf=" + forecast);
            }
        }
        assertEquals(1, model.exceedanceProbability(1, 40, 1));
        assertEquals(0, model.exceedanceProbability(1, 40, 1000));
        double[][] probabilities = model.exceedanceProbabilities(new double[] {40, 40}, 40, 60);
        assertEquals(0.5, probabilities[0][0], 0.02);
        assertTrue(probabilities[1][1] > probabilities[1][0], "wider at lead 2, more likely to exceed 60");
    }

    @Test
    void thinClassesBorrowFromTheClassesBelow() {
        UncertaintyLearner learner = new UncertaintyLearner(1, EPSILON);
        for (int i = 0; i < 1000; i++) {
            learner.add(new double[] {i < 995 ? 1 : 100}, new double[] {i < 995 ? 1 : 200});
        }
        UncertaintyModel model = learner.build(0.996);
        assertEquals(2, model.classCount());
        // only 5 high forecasts: their class is pooled with the low one (ratio 1), the top ratio 2 shows at the tail
        assertEquals(1, model.ratioQuantile(1, 100, 0.5), 1e-9);
        assertEquals(2, model.ratioQuantile(1, 100, 1), 1e-9);
        assertEquals(1000, learner.samples(1));
    }

    @Test
    void refusesInconsistentModels() {
        assertThrows(IllegalStateException.class, () -> new UncertaintyLearner(2, 1).build());
        assertThrows(IllegalArgumentException.class, () -> learner().build(1.5));
        assertThrows(IllegalArgumentException.class, () -> learner().build(0.5).quantile(1, 5, 1.2));
    }
}
