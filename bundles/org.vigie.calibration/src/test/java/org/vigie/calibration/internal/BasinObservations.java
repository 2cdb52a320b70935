package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** airGR example catchment series read from the project's shared data (never copied into the repository). */
record BasinObservations(List<String> timestamps, double[] precipitation, double[] potentialEvaporation,
        double[] dischargeMm) {

    static final Path CATCHMENTS = Path.of("../../../shared/data/airgr-catchments");

    /** Loads {@code <code>_BasinObs.csv}, or skips the calling test when the shared data are not mounted. */
    static BasinObservations loadOrSkip(String catchmentCode) throws IOException {
        Path file = CATCHMENTS.resolve(catchmentCode + "_BasinObs.csv");
        assumeTrue(Files.isReadable(file), "shared airGR data not found at " + file.toAbsolutePath()
                + "; skipping the reference calibration");
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int date = header.indexOf("DatesR");
        int p = header.indexOf("P");
        int e = header.indexOf("E");
        int q = header.indexOf("Qmm");
        int rows = lines.size() - 1;
        List<String> timestamps = new ArrayList<>(rows);
        double[] precipitation = new double[rows];
        double[] evaporation = new double[rows];
        double[] discharge = new double[rows];
        for (int row = 0; row < rows; row++) {
            String[] fields = lines.get(row + 1).split(",", -1);
            timestamps.add(fields[date]);
            precipitation[row] = parse(fields[p]);
            evaporation[row] = parse(fields[e]);
            discharge[row] = parse(fields[q]);
        }
        return new BasinObservations(timestamps, precipitation, evaporation, discharge);
    }

    /** Row of the first timestamp starting with {@code prefix} (a date or date-hour). */
    int indexOf(String prefix) {
        for (int row = 0; row < timestamps.size(); row++) {
            if (timestamps.get(row).startsWith(prefix)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no time step starts with " + prefix);
    }

    /** Row of the last timestamp starting with {@code prefix}. */
    int lastIndexOf(String prefix) {
        for (int row = timestamps.size() - 1; row >= 0; row--) {
            if (timestamps.get(row).startsWith(prefix)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no time step starts with " + prefix);
    }

    private static double parse(String field) {
        return field.isEmpty() || field.equals("NA") ? Double.NaN : Double.parseDouble(field);
    }
}
