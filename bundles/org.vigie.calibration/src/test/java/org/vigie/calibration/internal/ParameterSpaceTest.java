package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

    @Test
    void gr4jDefaultsAreAirGrsRealRangesAndStartLevels() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();

        assertEquals(List.of("X1", "X2", "X3", "X4"), gr4j.names());
        assertArrayEquals(new double[] {Math.exp(-9.99), Math.sinh(-9.99), Math.exp(-9.99), 0.5},
                gr4j.lowerBoundsReal(), 1e-12);
        assertArrayEquals(new double[] {Math.exp(9.99), Math.sinh(9.99), Math.exp(9.99), 20.0},
                gr4j.upperBoundsReal(), 1e-9);
        // airGR's transformed start levels (5.13, 5.51, 6.07 / -1.60, ... / -9.05, -8.51, -8.06) mapped to real values
        assertArrayEquals(new double[] {169.017, 247.151, 432.681}, gr4j.startLevelsReal(0), 1e-3);
        assertArrayEquals(new double[] {-2.376, -0.649, -0.020}, gr4j.startLevelsReal(1), 1e-3);
        assertArrayEquals(new double[] {20.697, 42.098, 83.096}, gr4j.startLevelsReal(2), 1e-3);
        assertArrayEquals(new double[] {1.4174, 1.9444, 2.3836}, gr4j.startLevelsReal(3), 1e-3);
    }

    @Test
    void everyAirGrModelRoundTripsBetweenRealAndTransformed() {
        for (AirGrModel model : AirGrModel.values()) {
            ParameterSpace space = model.parameterSpace();
            double[] transformed = new double[space.size()];
            for (int i = 0; i < transformed.length; i++) {
                transformed[i] = -7.3 + 2.9 * i;
            }
            assertArrayEquals(transformed, space.toTransformed(space.toReal(transformed)), 1e-12, model.name());
            double[] lowerT = space.lowerBoundsTransformed();
            double[] upperT = space.upperBoundsTransformed();
            for (int i = 0; i < space.size(); i++) {
                assertEquals(-AirGrModel.TRANSFORMED_BOUND, lowerT[i], 1e-12, model + " " + space.names().get(i));
                assertEquals(AirGrModel.TRANSFORMED_BOUND, upperT[i], 1e-12, model + " " + space.names().get(i));
            }
        }
    }

    @Test
    void gr4hExchangeAndDelayUseTheHourlyScaling() {
        ParameterSpace gr4h = AirGrModel.GR4H.parameterSpace();
        double[] real = gr4h.toReal(new double[] {6.0, -3.0, 5.0, 0.0});
        assertEquals(Math.sinh(-1.0), real[1], 1e-15);
        assertEquals(480 - 479.5 * 9.99 / 19.98, real[3], 1e-12);
        assertArrayEquals(new double[] {0.5, 480.0},
                new double[] {gr4h.lowerBoundsReal()[3], gr4h.upperBoundsReal()[3]}, 1e-12);
    }

    @Test
    void cemaNeigeIsAppendedAfterTheHydrologicalParameters() {
        ParameterSpace coupled = AirGrModel.GR4J.parameterSpaceWithCemaNeige();
        assertEquals(List.of("X1", "X2", "X3", "X4", "CNX1", "CNX2"), coupled.names());
        double[] real = coupled.toReal(new double[] {0, 0, 0, 0, 0, 0});
        assertEquals(0.5, real[4], 1e-15);
        assertEquals(1.0 / 200, real[5], 1e-15);
    }

    @Test
    void inverseHyperbolicSineMatchesTheCLibraryThatRUses() {
        // {x, asinh(x)} as returned by glibc 2.36, the libm behind R on Debian, covering every evaluation regime
        double[][] table = {
            {-1e+300, -691.4686750787736}, {-300000000.0, -20.212440213180418}, {-50.0, -4.605270170991424},
            {-2.5, -1.6472311463710958}, {-2.0, -1.4436354751788103}, {-1.0, -0.881373587019543},
            {-0.649, -0.6103856785971653}, {-0.001, -0.0009999998333334083}, {-1e-12, -1e-12}, {0.0, 0.0},
            {1e-30, 1e-30}, {0.3, 0.29567304756342244}, {1.9, 1.3979983651114345}, {2.1, 1.4874828366412711},
            {100000.0, 12.206072645555174}, {1000000000.0, 21.416413017506354},
            {-2.37556795320023, -1.6000000000000003}, {-0.020001333360000255, -0.02},
            {-10903.649376186962, -9.99}, {0.5781516, 0.5499999967591986}};
        for (double[] row : table) {
            assertEquals(row[1], InverseHyperbolicSine.asinh(row[0]), Math.ulp(row[1]), "asinh(" + row[0] + ")");
        }
        assertTrue(Double.isNaN(InverseHyperbolicSine.asinh(Double.NaN)));
        assertEquals(Double.NEGATIVE_INFINITY, InverseHyperbolicSine.asinh(Double.NEGATIVE_INFINITY));
    }

    @Test
    void screeningGridVariesTheFirstParameterFastestAndDropsDuplicateLevels() {
        ParameterSpace space = new ParameterSpace(List.of("a", "b", "c"),
                List.of(ParameterTransform.affine(0, 1, 0, 1), ParameterTransform.affine(0, 1, 0, 1),
                        ParameterTransform.affine(0, 1, 0, 1)),
                new double[] {-10, -10, -10}, new double[] {10, 10, 10},
                new double[][] {{1, 2}, {5, 5, 6}, {0.0, -0.0}}, new double[] {Double.NaN, Double.NaN, Double.NaN});

        List<double[]> grid = space.screeningGrid();

        assertEquals(4, grid.size());
        assertArrayEquals(new double[] {1, 5, 0}, grid.get(0));
        assertArrayEquals(new double[] {2, 5, 0}, grid.get(1));
        assertArrayEquals(new double[] {1, 6, 0}, grid.get(2));
        assertArrayEquals(new double[] {2, 6, 0}, grid.get(3));
    }

    @Test
    void fixedParametersTakeASingleLevelAndOverrideTransformedValues() {
        ParameterSpace space = AirGrModel.GR4J.parameterSpace().withFixedValues(new double[] {Double.NaN, 0.25, Double.NaN, Double.NaN});

        assertEquals(27, space.screeningGrid().size());
        space.screeningGrid().forEach(candidate -> assertEquals(0.25, candidate[1]));
        assertEquals(0.25, space.toRealKeepingFixed(new double[] {5, 3, 4, -8})[1]);
    }

    @Test
    void rejectsInconsistentDefinitions() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        assertThrows(IllegalArgumentException.class, () -> gr4j.withFixedValues(new double[] {1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> gr4j.toReal(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> gr4j.withSearchRanges(new double[] {2, 0, 0, 0}, new double[] {1, 1, 1, 1}));
    }
}
