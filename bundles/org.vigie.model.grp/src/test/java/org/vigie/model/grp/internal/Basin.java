package org.vigie.model.grp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.vigie.testing.SharedData;

/**
 * An airGR basin file (DatesR,P,T,E,Qls,Qmm) read in place: times (daily dates at 00:00 UTC), P, E (mm per
 * step), Qmm (mm per step, NaN where missing) and the area from its BasinInfo file.
 */
record Basin(String code, double areaKm2, Instant[] times, double[] precipitation, double[] evaporation,
             double[] dischargeMm) {

    static Basin read(String code) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.file("airgr-catchments/" + code + "_BasinObs.csv"));
        double area = Double.NaN;
        for (String line : Files.readAllLines(SharedData.file("airgr-catchments/" + code + "_BasinInfo.txt"))) {
            if (line.startsWith("area_km2:")) {
                area = Double.parseDouble(line.substring("area_km2:".length()).trim());
            }
        }
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
            times[i] = cells[0].length() == 10 ? LocalDate.parse(cells[0]).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(cells[0]);
            precipitation[i] = Double.parseDouble(cells[p]);
            evaporation[i] = Double.parseDouble(cells[e]);
            discharge[i] = cells[q].isEmpty() || cells[q].equals("NA") ? Double.NaN
                    : Double.parseDouble(cells[q]);
        }
        return new Basin(code, area, times, precipitation, evaporation, discharge);
    }

    int index(String instant) {
        Instant time = instant.length() == 10 ? LocalDate.parse(instant).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(instant);
        for (int i = 0; i < times.length; i++) {
            if (times[i].equals(time)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no step at " + instant);
    }

    /** Discharge of step i in m³/s. */
    double cubicMetresPerSecond(int i) {
        long seconds = java.time.Duration.between(times[0], times[1]).getSeconds();
        return dischargeMm[i] * areaKm2 * 1e3 / seconds;
    }
}
