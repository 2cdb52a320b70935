package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrParameters;

class OutputErrorModelFitterTest {

    private static final FlowTransform LOG = new FlowTransform(0, 0.01);
    private static final GrParameters ANY = GrModel.GR4H.parameters(300, 0, 100, 5);

    /** Errors e(t), e(t−1) and forecasts whose transformed error at lead k is φ^(k−1)·(b0·e(t) + b1·e(t−1)) + noise. */
    private static OutputErrorModelFitter fitted(double b0, double b1, double decay, double noise, int leads) {
        OutputErrorModelFitter fitter = new OutputErrorModelFitter(LOG, 2, leads);
        Random random = new Random(3);
        for (int t = 0; t < 20_000; t++) {
            double e0 = 0.1 * random.nextGaussian();
            double e1 = 0.1 * random.nextGaussian();
            ForecastState state = new ForecastState(GrModel.GR4H.defaultInitialState(ANY), new double[] {e0, e1});
            double[] forecast = new double[leads];
            double[] observed = new double[leads];
            for (int k = 0; k < leads; k++) {
                forecast[k] = 1 + random.nextDouble();
                double error = Math.pow(decay, k) * (b0 * e0 + b1 * e1) + noise * random.nextGaussian();
                observed[k] = LOG.inverse(LOG.forward(forecast[k]) + error);
            }
            if (t % 100 == 0) {
                observed[0] = Double.NaN;
            }
            fitter.add(state, forecast, observed);
        }
        return fitter;
    }

    @Test
    void recoversADecayingAutoregressiveCorrection() {
        OutputErrorModel model = fitted(0.9, -0.3, 0.7, 0.01, 12).fitDecaying();
        assertEquals(0.9, model.coefficient(1, 0), 0.01);
        assertEquals(-0.3, model.coefficient(1, 1), 0.01);
        assertEquals(0.7, model.decay(), 0.01);
        assertEquals(0.9 * Math.pow(0.7, 5), model.coefficient(6, 0), 0.01);
        // beyond the fitted leads the correction keeps fading
        assertEquals(model.coefficient(12, 0) * model.decay(), model.coefficient(13, 0), 1e-15);
    }

    @Test
    void perLeadFitFollowsEachLead() {
        OutputErrorModelFitter fitter = fitted(0.8, 0.1, 0.5, 0.01, 6);
        OutputErrorModel model = fitter.fitPerLead();
        for (int lead = 1; lead <= 6; lead++) {
            assertEquals(0.8 * Math.pow(0.5, lead - 1), model.coefficient(lead, 0), 0.01, "lead " + lead);
        }
        assertEquals(model.coefficient(6, 1), model.coefficient(9, 1), 0, "later leads reuse the last one");
        assertEquals(20_000 - 200, fitter.samples(1));
        assertEquals(20_000, fitter.samples(2));
    }

    @Test
    void noErrorsMeanNoCorrection() {
        OutputErrorModelFitter fitter = new OutputErrorModelFitter(LOG, 2, 3);
        ForecastState state = ForecastState.initial(GrModel.GR4H.defaultInitialState(ANY), 2);
        for (int t = 0; t < 10; t++) {
            fitter.add(state, new double[] {1, 1, 1}, new double[] {1, 1, 1});
        }
        OutputErrorModel model = fitter.fitDecaying();
        assertEquals(0, model.coefficient(1, 0));
        assertEquals(0, model.coefficient(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new OutputErrorModelFitter(LOG, 0, 3));
    }
}
