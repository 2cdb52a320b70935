package org.vigie.gis.internal.rainfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class ArealRainfallTest {

    private static final double TIGHT = 1e-12;
    private static final ThiessenWeights QUADRANTS = new ThiessenWeights(Map.of("A", new Coordinate(25, 25),
            "B", new Coordinate(75, 25), "C", new Coordinate(25, 75), "D", new Coordinate(75, 75)),
            ThiessenWeightsTest.square(0, 0, 100));

    @Test
    void thiessenMeanWeighsEveryReportingGauge() {
        ArealMean mean = ArealRainfall.thiessen(QUADRANTS, Map.of("A", 1.0, "B", 2.0, "C", 3.0, "D", 4.0));
        assertEquals(2.5, mean.value(), TIGHT);
        assertEquals(1.0, mean.coverage(), TIGHT);
    }

    @Test
    void missingGaugeIsReplacedByItsNeighboursNotByZero() {
        Map<String, Double> values = new HashMap<>(Map.of("A", 1.0, "B", 2.0, "C", 3.0, "OTHER_NETWORK", 99.0));
        values.put("D", Double.NaN);
        // Without D its quadrant goes half to B, half to C: 0.25 x 1 + 0.375 x 2 + 0.375 x 3.
        ArealMean mean = ArealRainfall.thiessen(QUADRANTS, values);
        assertEquals(2.125, mean.value(), TIGHT);
        assertEquals(0.75, mean.coverage(), TIGHT);
        values.remove("D");
        assertEquals(mean, ArealRainfall.thiessen(QUADRANTS, values));
    }

    @Test
    void noReportingGaugeGivesNoValue() {
        ArealMean mean = ArealRainfall.thiessen(QUADRANTS, Map.of("A", Double.NaN, "ELSEWHERE", 3.0));
        assertSame(ArealMean.NONE, mean);
        assertFalse(mean.hasValue());
        assertEquals(0.0, mean.coverage(), 0.0);
    }

    @Test
    void gridMeanIsRenormalisedOverCellsWithData() {
        GridGeometry layout = new GridGeometry(0, 0, 10, 10, 2, 2);
        GridWeights weights = GridOverlapWeights.compute(layout, ThiessenWeightsTest.square(0, 0, 20));
        ArealMean full = ArealRainfall.grid(weights, new EsriAsciiGrid(layout, new double[] {1, 2, 3, 6}));
        assertEquals(3.0, full.value(), TIGHT);
        assertEquals(1.0, full.coverage(), TIGHT);

        ArealMean partial = ArealRainfall.grid(weights, new EsriAsciiGrid(layout, new double[] {1, 2, 3, Double.NaN}));
        assertEquals(2.0, partial.value(), TIGHT);
        assertEquals(0.75, partial.coverage(), TIGHT);

        assertSame(ArealMean.NONE, ArealRainfall.grid(weights, new EsriAsciiGrid(layout, new double[] {
            Double.NaN, Double.NaN, Double.NaN, Double.NaN})));
    }

    @Test
    void gridMeanWeighsCellsByTheirShareOfTheCatchment() {
        GridGeometry layout = new GridGeometry(0, 0, 10, 10, 2, 1);
        // Catchment x 5..20: a third in the western cell, two thirds in the eastern one.
        GridWeights weights = GridOverlapWeights.compute(layout,
                new GeometryFactory().toGeometry(new Envelope(5, 20, 0, 10)));
        ArealMean mean = ArealRainfall.grid(weights, new EsriAsciiGrid(layout, new double[] {3, 6}));
        assertEquals(3 / 3.0 + 6 * 2 / 3.0, mean.value(), TIGHT);
    }

    @Test
    void gridOfAnotherLayoutIsRefused() {
        GridGeometry layout = new GridGeometry(0, 0, 10, 10, 2, 2);
        GridWeights weights = GridOverlapWeights.compute(layout, ThiessenWeightsTest.square(0, 0, 20));
        EsriAsciiGrid shifted = new EsriAsciiGrid(new GridGeometry(5, 0, 10, 10, 2, 2), new double[4]);
        assertThrows(IllegalArgumentException.class, () -> ArealRainfall.grid(weights, shifted));
    }
}
