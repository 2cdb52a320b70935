package org.vigie.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An airGR example catchment read from the shared data ({@code -Dvigie.shared=…}, default {@code ../shared/data}
 * relative to the working directory): times and the P, E, Qmm columns.
 */
final class AirGrCase {

    final List<String> times = new ArrayList<>();
    final double[] precipitation;
    final double[] evaporation;
    final double[] dischargeMm;

    private AirGrCase(List<double[]> rows, int p, int e, int q) {
        precipitation = new double[rows.size()];
        evaporation = new double[rows.size()];
        dischargeMm = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            precipitation[i] = rows.get(i)[p];
            evaporation[i] = rows.get(i)[e];
            dischargeMm[i] = rows.get(i)[q];
        }
    }

    static AirGrCase load(String catchment) throws IOException {
        Path file = Path.of(System.getProperty("vigie.shared", "../shared/data"), "airgr-catchments",
                catchment + "_BasinObs.csv");
        if (!Files.exists(file)) {
            throw new IllegalStateException("benchmark data not found at " + file.toAbsolutePath()
                    + "; run from the repository root with ../shared beside it, or pass -Dvigie.shared=…/shared/data");
        }
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            times.add(cells[0]);
            double[] row = new double[cells.length];
            for (int i = 1; i < cells.length; i++) {
                row[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
        AirGrCase c = new AirGrCase(rows, header.indexOf("P"), header.indexOf("E"), header.indexOf("Qmm"));
        c.times.addAll(times);
        return c;
    }

    int indexOf(String timePrefix) {
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i).startsWith(timePrefix)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no time " + timePrefix);
    }
}
