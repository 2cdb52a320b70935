package org.vigie.hydrology.internal.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PeakErrorsTest {

    @Test
    void lateAndOverestimatedPeakGivesPositiveErrors() {
        double[] observed = {1, 3, 8, 5, 2, 1};
        double[] forecast = {1, 2, 4, 10, 6, 2};
        PeakErrors.PeakComparison peak = PeakErrors.compare(observed, forecast, 0, observed.length);
        assertEquals(2, peak.observedPeakIndex());
        assertEquals(3, peak.simulatedPeakIndex());
        assertEquals(1, peak.timingErrorSteps());
        assertEquals(0.25, peak.relativeMagnitudeError(), 1e-15);
    }

    @Test
    void windowRestrictsTheSearchAndMissingValuesAreSkipped() {
        double[] observed = {20, 3, Double.NaN, 5, 2};
        double[] forecast = {1, 4, 4.5, 3, 9};
        PeakErrors.PeakComparison peak = PeakErrors.compare(observed, forecast, 1, 4);
        assertEquals(3, peak.observedPeakIndex());
        assertEquals(2, peak.simulatedPeakIndex());
        assertEquals(-1, peak.timingErrorSteps());
        assertEquals(-0.1, peak.relativeMagnitudeError(), 1e-15);
    }

    @Test
    void emptyWindowOrAllMissingIsRejected() {
        double[] series = {1, 2};
        assertThrows(IllegalArgumentException.class, () -> PeakErrors.compare(series, series, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> PeakErrors.compare(new double[] {Double.NaN, Double.NaN}, series, 0, 2));
    }
}
