package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;

import org.vigie.hydrology.internal.snow.CemaNeige;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs;
import org.vigie.hydrology.internal.snow.ValeryAltitudeExtrapolation;

/** Layered inputs for the CemaNeige–GR tests: airGR's snowy example catchment, or synthetic ones. */
record SnowyCatchment(String name, LocalDate[] dates, double[] precipitation, ElevationLayerInputs layers,
                      double[] evaporation, double[] observedMm) {

    /** airGR's elevation layer count by default. */
    static final int AIRGR_LAYERS = 5;

    /** An airGR catchment with its hypsometric curve, split into airGR's 5 layers; skips when the data are absent. */
    static SnowyCatchment airGr(String code) throws IOException {
        ReferenceTable table = ReferenceTable.read("airgr-catchments/" + code + "_BasinObs.csv");
        Path info = ReferenceTable.SHARED.resolve("airgr-catchments/" + code + "_BasinInfo.txt");
        assumeTrue(Files.exists(info), "skipped: hypsometric curve not found at " + info.toAbsolutePath());
        double[] hypsometry = hypsometry(Files.readAllLines(info));
        LocalDate[] dates = table.times.stream().map(LocalDate::parse).toArray(LocalDate[]::new);
        MonthDay[] days = Arrays.stream(dates).map(MonthDay::from).toArray(MonthDay[]::new);
        double[] p = table.column("P");
        ElevationLayerInputs layers = ValeryAltitudeExtrapolation.extrapolate(days, p, table.column("T"), hypsometry,
                AIRGR_LAYERS);
        return new SnowyCatchment(code, dates, p, layers, table.column("E"), table.column("Qmm"));
    }

    /**
     * Three layers 400 m apart over a seasonal climate with cold winters: snow accumulates each winter in the upper
     * layers and melts in spring, the lowest layer sees rain on snow and intermittent cover.
     */
    static SnowyCatchment synthetic(int days, long seed) {
        Forcings base = Forcings.synthetic(false, days, seed);
        double[] elevations = {800, 1200, 1600};
        double[] precipitationFactor = {0.9, 1.0, 1.1};
        int n = elevations.length;
        double[][] p = new double[n][days];
        double[][] t = new double[n][days];
        double[][] solid = new double[n][days];
        for (int layer = 0; layer < n; layer++) {
            for (int i = 0; i < days; i++) {
                double seasonal = 6 - 11 * Math.cos(2 * Math.PI * (i % 365) / 365.0) + 3 * Math.sin(i * 0.7);
                t[layer][i] = seasonal - 0.006 * (elevations[layer] - 800);
                p[layer][i] = base.precipitation()[i] * precipitationFactor[layer];
                solid[layer][i] = ValeryAltitudeExtrapolation.usaceSolidFraction(t[layer][i]);
            }
        }
        ElevationLayerInputs layers = new ElevationLayerInputs(elevations, p, t, solid,
                ElevationLayerInputs.SolidFractionMethod.USACE);
        LocalDate[] dates = new LocalDate[days];
        for (int i = 0; i < days; i++) {
            dates[i] = LocalDate.of(2000, 1, 1).plusDays(i);
        }
        return new SnowyCatchment("synthetic " + seed, dates, base.precipitation(), layers, base.evaporation(),
                null);
    }

    int length() {
        return evaporation.length;
    }

    /** airGR's default mean annual solid precipitation: over all the inputs, the same for every layer. */
    double[] meanAnnualSolidPrecipitation() {
        return CemaNeige.meanAnnualSolidPrecipitation(layers, CemaNeige.DAILY_STEPS_PER_YEAR);
    }

    int indexOf(LocalDate date) {
        int i = Arrays.asList(dates).indexOf(date);
        if (i < 0) {
            throw new IllegalArgumentException("no step on " + date + " in " + name);
        }
        return i;
    }

    private static double[] hypsometry(List<String> lines) {
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("HypsoData")) {
                double[] values = Arrays.stream(lines.get(i + 1).trim().split(",")).mapToDouble(Double::parseDouble)
                        .toArray();
                if (values.length != 101) {
                    throw new IllegalStateException("a hypsometric curve has 101 points, got " + values.length);
                }
                return values;
            }
        }
        throw new IllegalStateException("no HypsoData line");
    }
}
