package org.vigie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrState;

/**
 * A GR state as a CSV of airGR's state vector ({@code index,value}; the layout of airGR's {@code StateEnd}:
 * production, routing, exponential and interception stores, three unused slots, UH1 then UH2 contents, in mm),
 * written with full precision so that a resumed run continues bit for bit.
 */
final class StateFile {

    private StateFile() {
    }

    static void write(Path file, GrState state, GrModel model) {
        StringBuilder csv = new StringBuilder("index,value\n");
        double[] vector = state.toAirGrVector(model);
        for (int i = 0; i < vector.length; i++) {
            csv.append(i + 1).append(',').append(vector[i]).append('\n');
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state to " + file, e);
        }
    }

    static GrState read(String path, GrModel model) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state " + path, e);
        }
        double[] vector = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            try {
                vector[i - 1] = Double.parseDouble(cells[cells.length - 1]);
            } catch (NumberFormatException e) {
                throw new CommandLine.UsageException(path + " line " + (i + 1) + ": not a number");
            }
        }
        try {
            return GrState.fromAirGrVector(model, vector);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(path + ": " + e.getMessage());
        }
    }
}
