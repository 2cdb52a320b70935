package org.vigie.forecasting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;

/**
 * An hourly catchment made up for tests: storms of random length and intensity, a daily PET cycle, and a
 * "truth" that is GR4H with other parameters than the forecaster's plus multiplicative noise, so that the
 * forecaster has errors to correct.
 */
final class SyntheticCatchment {

    static final GrParameters TRUTH = GrModel.GR4H.parameters(350, -0.3, 120, 8);
    static final GrParameters MODEL = GrModel.GR4H.parameters(300, -0.2, 90, 6);

    final Instant[] times;
    final double[] precipitation;
    final double[] evaporation;
    final double[] observed;

    SyntheticCatchment(int hours, long seed) {
        Random random = new Random(seed);
        times = new Instant[hours];
        precipitation = new double[hours];
        evaporation = new double[hours];
        Instant start = Instant.parse("2001-01-01T00:00:00Z");
        int stormLeft = 0;
        double intensity = 0;
        for (int i = 0; i < hours; i++) {
            times[i] = start.plus(Duration.ofHours(i));
            int hourOfDay = i % 24;
            evaporation[i] = Math.max(0, 0.25 * Math.sin(Math.PI * (hourOfDay - 6) / 12));
            if (stormLeft == 0 && random.nextDouble() < 0.01) {
                stormLeft = 3 + random.nextInt(30);
                intensity = 0.5 + 4 * random.nextDouble();
            }
            if (stormLeft > 0) {
                precipitation[i] = intensity * random.nextDouble();
                stormLeft--;
            }
        }
        double[] truth = GrModel.GR4H.run(TRUTH, GrModel.GR4H.defaultInitialState(TRUTH), precipitation, evaporation,
                0, hours, GrOutputs.QSIM_ONLY).qsim();
        observed = new double[hours];
        double noise = 0;
        for (int i = 0; i < hours; i++) {
            // autocorrelated multiplicative noise, like rating-curve and gauging errors
            noise = 0.9 * noise + 0.02 * random.nextGaussian();
            observed[i] = truth[i] * Math.exp(noise);
        }
    }

    Hindcast.Inputs inputs() {
        return new Hindcast.Inputs(precipitation, evaporation, observed);
    }
}
