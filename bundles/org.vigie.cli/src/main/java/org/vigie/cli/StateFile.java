package org.vigie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vigie.model.gr.internal.core.GrState;

/**
 * A GR state as a small CSV ({@code variable,index,value}; Prod and Rout in mm, UH1/UH2 contents in mm), written
 * with full precision so that a resumed run continues bit for bit.
 */
final class StateFile {

    private StateFile() {
    }

    static void write(Path file, GrState state) {
        StringBuilder csv = new StringBuilder("variable,index,value\n");
        csv.append("Prod,1,").append(state.production()).append('\n');
        csv.append("Rout,1,").append(state.routing()).append('\n');
        double[] uh1 = state.uh1();
        for (int i = 0; i < uh1.length; i++) {
            csv.append("UH1,").append(i + 1).append(',').append(uh1[i]).append('\n');
        }
        double[] uh2 = state.uh2();
        for (int i = 0; i < uh2.length; i++) {
            csv.append("UH2,").append(i + 1).append(',').append(uh2[i]).append('\n');
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state to " + file, e);
        }
    }

    static GrState read(String path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state " + path, e);
        }
        double prod = Double.NaN;
        double rout = Double.NaN;
        List<Double> uh1 = new ArrayList<>();
        List<Double> uh2 = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length != 3) {
                throw new CommandLine.UsageException(path + ": bad state line '" + line + "'");
            }
            double value = Double.parseDouble(cells[2]);
            switch (cells[0]) {
                case "Prod" -> prod = value;
                case "Rout" -> rout = value;
                case "UH1" -> uh1.add(value);
                case "UH2" -> uh2.add(value);
                default -> throw new CommandLine.UsageException(path + ": unknown state variable " + cells[0]);
            }
        }
        if (Double.isNaN(prod) || Double.isNaN(rout)) {
            throw new CommandLine.UsageException(path + ": Prod and Rout are required");
        }
        return new GrState(prod, rout, uh1.stream().mapToDouble(Double::doubleValue).toArray(),
                uh2.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
