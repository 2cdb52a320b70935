package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;

class ScoresTest {

    @Test
    void streamingMomentsGiveAirGrsCriteria() {
        Random random = new Random(5);
        int n = 50_000;
        double[] observed = new double[n];
        double[] forecast = new double[n];
        PairedMoments moments = new PairedMoments();
        for (int i = 0; i < n; i++) {
            observed[i] = 1000 + 50 * Math.sin(i / 300.0) + random.nextGaussian();
            forecast[i] = i % 97 == 0 ? Double.NaN : 0.95 * observed[i] + 60 + 3 * random.nextGaussian();
            moments.add(observed[i], forecast[i]);
        }
        assertEquals(EfficiencyCriteria.nse(observed, forecast).value(), moments.nse(), 1e-10);
        assertEquals(EfficiencyCriteria.kge(observed, forecast).value(), moments.kge(), 1e-10);
        assertEquals(n - (n + 96) / 97, moments.count());
        double sumO = 0;
        double sumF = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(forecast[i])) {
                sumO += observed[i];
                sumF += forecast[i];
            }
        }
        assertEquals(sumF / sumO - 1, moments.relativeBias(), 1e-12);
        assertEquals(Double.NaN, new PairedMoments().nse());
    }

    @Test
    void contingencyScores() {
        Contingency table = new Contingency();
        boolean[][] cases = {{true, true}, {true, true}, {true, true}, {false, true}, {true, false}, {false, false}};
        for (boolean[] c : cases) {
            table.add(c[0], c[1]);
        }
        assertEquals(0.75, table.pod(), 0);
        assertEquals(0.25, table.far(), 0);
        assertEquals(0.6, table.csi(), 0);
        assertTrue(Double.isNaN(new Contingency().pod()));
    }

    @Test
    void largestEventsAreSeparatedPeaks() {
        double[] flows = new double[500];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = 1 + 10 * Math.exp(-Math.pow((i - 100) / 5.0, 2)) + 6 * Math.exp(-Math.pow((i - 112) / 3.0, 2))
                    + 8 * Math.exp(-Math.pow((i - 300) / 5.0, 2)) + 20 * Math.exp(-Math.pow((i - 495) / 5.0, 2));
        }
        List<FloodEvent> events = FloodEvent.largest(flows, 0, 480, 3, 48);
        // the peak at 495 lies beyond the period (its rising limb at the edge is no event); 112 is within 100's window
        assertEquals(2, events.size());
        assertEquals(100, events.get(0).peakIndex());
        assertEquals(300, events.get(1).peakIndex());
        assertEquals(52, events.get(0).windowFrom());
        assertEquals(149, events.get(0).windowTo());
    }
}
