package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;
import org.vigie.hydrology.internal.snow.CemaNeige;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs;
import org.vigie.hydrology.internal.snow.ValeryAltitudeExtrapolation;
import org.vigie.model.gr.internal.core.CemaNeigeGr;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;

/**
 * GR + CemaNeige checked through airGR's scheduled calibrations (helper_scheduled_Calibration.R, without
 * hysteresis): L0123001 with 5 elevation layers from its hypsometric curve, warm-up 1985, run 1986–2012, NSE.
 */
class AirGrCemaNeigeCalibrationTest {

    private static final Path DATA = Path.of("../../../shared/data/airgr-catchments");

    @ParameterizedTest(name = "CemaNeige{0}")
    @CsvSource(delimiter = '|', value = {
        "GR4J | 204.3839;0.5781516;102.5141;2.217718;0;14.90479",
        "GR5J | 198.3434;0.8747758;98.49443;1.768769;0.4824825;0.02002002;15.05459",
        "GR6J | 183.0941;0.5551637;60.34029;2.217718;0.476;6.049647;0.02002002;15.20589"})
    void michelLandsOnAirGrsOptimum(String modelName, String expected) throws IOException {
        Path obs = DATA.resolve("L0123001_BasinObs.csv");
        Path info = DATA.resolve("L0123001_BasinInfo.txt");
        assumeTrue(Files.exists(obs) && Files.exists(info), "skipped: shared data not found at " + DATA.toAbsolutePath());
        List<String> lines = Files.readAllLines(obs);
        int n = lines.size() - 1;
        MonthDay[] days = new MonthDay[n];
        double[] p = new double[n];
        double[] t = new double[n];
        double[] e = new double[n];
        double[] q = new double[n];
        String[] dates = new String[n];
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",", -1);
            dates[i] = c[0];
            days[i] = MonthDay.from(LocalDate.parse(c[0]));
            p[i] = Double.parseDouble(c[1]);
            t[i] = Double.parseDouble(c[2]);
            e[i] = Double.parseDouble(c[3]);
            q[i] = c[5].isEmpty() ? Double.NaN : Double.parseDouble(c[5]);
        }
        List<String> infoLines = Files.readAllLines(info);
        double[] hypsometry = null;
        for (int i = 0; i < infoLines.size() - 1; i++) {
            if (infoLines.get(i).startsWith("HypsoData")) {
                hypsometry = Arrays.stream(infoLines.get(i + 1).trim().split(",")).mapToDouble(Double::parseDouble)
                        .toArray();
            }
        }
        ElevationLayerInputs layers = ValeryAltitudeExtrapolation.extrapolate(days, p, t, hypsometry, 5);
        double[] meanSolid = CemaNeige.meanAnnualSolidPrecipitation(layers, CemaNeige.DAILY_STEPS_PER_YEAR);
        List<String> dateList = List.of(dates);
        int warmFrom = dateList.indexOf("1985-01-01");
        int runFrom = dateList.indexOf("1986-01-01");
        int runTo = dateList.indexOf("2012-12-31") + 1;
        double[] observed = Arrays.copyOfRange(q, runFrom, runTo);
        GrModel model = GrModel.valueOf(modelName);
        CalibrationProblem problem = new CalibrationProblem(AirGrModel.valueOf(modelName).parameterSpaceWithCemaNeige(),
                CriterionDefinition.maximised("NSE[Q]", 1.0), x -> {
                    CemaNeigeGr coupled = CemaNeigeGr.fromAirGrVector(model, x);
                    double[] sim = coupled.runAfterWarmUp(coupled.defaultInitialState(5), layers, e, meanSolid,
                            warmFrom, runFrom, runFrom, runTo, GrOutputs.QSIM_ONLY).qsim();
                    return EfficiencyCriteria.nse(observed, sim).value();
                });
        CalibrationResult result = new MichelCalibration().calibrate(problem);
        String[] printed = Arrays.stream(result.realParameters())
                .mapToObj(v -> String.format(Locale.ROOT, "%.7g", v))
                .map(s -> s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s)
                .toArray(String[]::new);
        System.out.printf(Locale.ROOT, "CemaNeige%s: %s NSE=%.12f (%d runs, %s)%n", modelName,
                String.join(";", printed), result.criterion(), result.runs(), result.elapsed());
        assertArrayEquals(expected.split(";"), printed);
    }
}
