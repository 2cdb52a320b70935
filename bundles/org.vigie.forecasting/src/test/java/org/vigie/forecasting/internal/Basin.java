package org.vigie.forecasting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.vigie.testing.SharedData;

/** An airGR basin file (DatesR,P,T,E,Qls,Qmm) read in place from the shared data: times, P, E and Qmm. */
record Basin(Instant[] times, double[] precipitation, double[] evaporation, double[] dischargeMm) {

    static Basin read(String code) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.file("airgr-catchments/" + code + "_BasinObs.csv"));
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
