package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;

/**
 * GR5J, GR6J and GR5H have no airGR reference run here, but airGR's scheduled calibrations give their optima
 * (helper_scheduled_Calibration.R): Michel on Vigie's cores must land on the same parameters, which checks the
 * models and the calibration together.
 */
class AirGrOtherModelsCalibrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GR5J | 220.3864;0.8944531;93.56407;1.762872;0.4846427",
        "GR6J | 192.8762;0.6933087;49.17833;2.214542;0.508824;6.814626",
        "GR5H | 804.0022;-0.1898488;137.7525;3.043663;0.1951163"})
    void michelLandsOnAirGrsOptimum(String modelName, String expected) throws IOException {
        GrModel model = GrModel.valueOf(modelName);
        ReferenceCase period = model.isHourly() ? ReferenceCase.hourly(BasinObservations.loadOrSkip("L0123003"))
                : ReferenceCase.daily(BasinObservations.loadOrSkip("L0123001"));
        CalibrationProblem problem = period.nseProblem(AirGrModel.valueOf(modelName).parameterSpace(), x -> {
            GrParameters parameters = model.parameters(x);
            return model.run(parameters, model.defaultInitialState(parameters), period.precipitation(),
                    period.potentialEvaporation(), 0, period.precipitation().length, GrOutputs.QSIM_ONLY).qsim();
        });
        CalibrationResult result = new MichelCalibration().calibrate(problem);
        String[] printed = Arrays.stream(result.realParameters())
                .mapToObj(v -> String.format(Locale.ROOT, "%.7g", v))
                .map(s -> s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s)
                .toArray(String[]::new);
        System.out.printf(Locale.ROOT, "%s: %s NSE=%.12f (%d runs)%n", modelName, String.join(";", printed),
                result.criterion(), result.runs());
        assertArrayEquals(expected.split(";"), printed);
    }
}
