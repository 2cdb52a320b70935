package org.vigie.model.gr.internal.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.provider.Arguments;

/** Parameter sets for every model: airGR's own calibrations (tests/testthat) and stress cases. */
final class GrTestCases {

    private GrTestCases() {
    }

    /** airGR's man-page GR4J/GR4H sets and the sets its calibration tests expect for the other models. */
    static List<GrParameters> airGrParameterSets() {
        return List.of(
                GrModel.GR4J.parameters(257.238, 1.012, 88.235, 2.208),
                GrModel.GR4H.parameters(756.930, -0.773, 138.638, 5.247),
                GrModel.GR5J.parameters(220.3864, 0.8944531, 93.56407, 1.762872, 0.4846427),
                GrModel.GR6J.parameters(192.8762, 0.6933087, 49.17833, 2.214542, 0.5088240, 6.814626),
                GrModel.GR5H.parameters(804.0022, -0.1898488, 137.7525, 3.043663, 0.1951163),
                // the GR5H set of airGR's test-Imax.R, with an interception store of 1.4 mm
                GrModel.GR5H.parameters(706.912, -0.163, 188.880, 2.575, 0.104).withInterceptionStore(1.4));
    }

    /** Strong losses, long hydrographs, tiny stores: exchange limited by empty stores, clamps active. */
    static List<GrParameters> stressParameterSets() {
        return List.of(
                GrModel.GR4J.parameters(50, -4.5, 15, 6.3),
                GrModel.GR4H.parameters(120, -2.0, 10, 40.5),
                GrModel.GR5J.parameters(80, -3.0, 25, 0.7, 0.9),
                GrModel.GR6J.parameters(60, -2.5, 20, 3.3, 0.05, 0.3),
                GrModel.GR6J.parameters(400, 2.0, 300, 1.2, 0.8, 40),
                GrModel.GR5H.parameters(90, -1.5, 12, 30.2, 0.05),
                GrModel.GR5H.parameters(90, -1.5, 12, 30.2, 0.05).withInterceptionStore(4.0));
    }

    /** The forcing sources the model tests run on. */
    enum Source {
        /** generated in the test, always available */
        SYNTHETIC,
        /** airGR's example catchment of the model's time step (L0123001 daily, L0123003 hourly); skips if absent */
        CATCHMENT
    }

    /** Every parameter set with synthetic forcing, and airGR's sets also with airGR's catchment. */
    static List<Arguments> everyModelAndSource() {
        List<Arguments> cases = new ArrayList<>();
        for (GrParameters parameters : airGrParameterSets()) {
            cases.add(Arguments.of(parameters, Source.SYNTHETIC));
            cases.add(Arguments.of(parameters, Source.CATCHMENT));
        }
        for (GrParameters parameters : stressParameterSets()) {
            cases.add(Arguments.of(parameters, Source.SYNTHETIC));
        }
        return cases;
    }

    static Forcings forcing(GrParameters parameters, Source source) throws IOException {
        boolean hourly = parameters.model().isHourly();
        if (source == Source.CATCHMENT) {
            return Forcings.airGrCatchment(hourly ? "L0123003" : "L0123001");
        }
        return Forcings.synthetic(hourly, hourly ? 24 * 365 * 2 : 365 * 12, 42);
    }
}
