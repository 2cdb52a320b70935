package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Finds the shared reference data beside the repository (never copied into it); skips the test when absent. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path file = moduleDirectory.resolve("../../../shared/data").resolve(relative).normalize();
        assumeTrue(Files.isReadable(file), () -> "shared reference data not found at " + file
                + " (expected <X>/shared/data beside the repository <X>/main); test skipped");
        return file;
    }

    /** An airGR basin file (DatesR,P,T,E,Qls,Qmm) read in place: times, P, E and Qmm. */
    record Basin(Instant[] times, double[] precipitation, double[] evaporation, double[] dischargeMm) {

        static Basin read(String code) throws IOException {
            List<String> lines = Files.readAllLines(file("airgr-catchments/" + code + "_BasinObs.csv"));
            List<String> header = List.of(lines.get(0).split(",", -1));
            int p = header.indexOf("P");
            int e = header.indexOf("E");
            int q = header.indexOf("Qmm");
            int n = lines.size() - 1;
            Instant[] times = new Instant[n];
            double[] precipitation = new double[n];
            double[] evaporation = new double[n];
            double[] discharge = new double[n];
            for (int i = 0; i < n; i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                times[i] = Instant.parse(cells[0]);
                precipitation[i] = Double.parseDouble(cells[p]);
                evaporation[i] = Double.parseDouble(cells[e]);
                discharge[i] = cells[q].isEmpty() || cells[q].equals("NA") ? Double.NaN
                        : Double.parseDouble(cells[q]);
            }
            return new Basin(times, precipitation, evaporation, discharge);
        }

        int index(String instant) {
            Instant time = Instant.parse(instant);
            for (int i = 0; i < times.length; i++) {
                if (times[i].equals(time)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no step at " + instant);
        }
    }
}
