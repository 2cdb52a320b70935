package org.vigie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vigie.hydrology.internal.snow.CemaNeigeLayerState;
import org.vigie.model.gr.internal.core.CemaNeigeGrState;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrState;

/**
 * A GR state as a CSV of airGR's state vector ({@code index,value}; the layout of airGR's {@code StateEnd}:
 * production, routing, exponential and interception stores, three unused slots, UH1 then UH2 contents, in mm),
 * followed for GR + CemaNeige by one row per layer variable ({@code L1.G}, {@code L1.eTG}, {@code L1.Gthr},
 * {@code L1.Glocmax}, {@code L1.Gratio}, …), written with full precision so that a resumed run continues bit for bit.
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

    static void write(Path file, CemaNeigeGrState state, GrModel model) {
        StringBuilder csv = new StringBuilder("index,value\n");
        double[] vector = state.gr().toAirGrVector(model);
        for (int i = 0; i < vector.length; i++) {
            csv.append(i + 1).append(',').append(vector[i]).append('\n');
        }
        for (int k = 0; k < state.layerCount(); k++) {
            CemaNeigeLayerState layer = state.layers().get(k);
            String prefix = "L" + (k + 1) + ".";
            csv.append(prefix).append("G,").append(layer.snowPack()).append('\n')
                    .append(prefix).append("eTG,").append(layer.thermalState()).append('\n')
                    .append(prefix).append("Gthr,").append(layer.meltThreshold()).append('\n')
                    .append(prefix).append("Glocmax,").append(layer.localMaxThreshold()).append('\n')
                    .append(prefix).append("Gratio,").append(layer.snowCoverRatio()).append('\n');
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state to " + file, e);
        }
    }

    static CemaNeigeGrState readWithSnow(String path, GrModel model, int layerCount) {
        List<String> lines = lines(path);
        List<String> grRows = new java.util.ArrayList<>();
        double[][] layers = new double[layerCount][5];
        List<String> variables = List.of("G", "eTG", "Gthr", "Glocmax", "Gratio");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("L")) {
                grRows.add(line);
                continue;
            }
            String[] cells = line.split(",");
            String[] key = cells[0].substring(1).split("\\.");
            int layer = Integer.parseInt(key[0]) - 1;
            int variable = variables.indexOf(key[1]);
            if (layer < 0 || layer >= layerCount || variable < 0) {
                throw new CommandLine.UsageException(path + ": unexpected snow state " + cells[0] + " for "
                        + layerCount + " layers");
            }
            layers[layer][variable] = Double.parseDouble(cells[1]);
        }
        List<CemaNeigeLayerState> snow = new java.util.ArrayList<>();
        for (double[] l : layers) {
            snow.add(new CemaNeigeLayerState(l[0], l[1], l[2], l[3], l[4]));
        }
        return new CemaNeigeGrState(parse(path, grRows, model), snow);
    }

    static GrState read(String path, GrModel model) {
        List<String> lines = lines(path);
        return parse(path, lines.subList(1, lines.size()), model);
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state " + path, e);
        }
    }

    private static GrState parse(String path, List<String> rows, GrModel model) {
        double[] vector = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            try {
                vector[i] = Double.parseDouble(cells[cells.length - 1]);
            } catch (NumberFormatException e) {
                throw new CommandLine.UsageException(path + " line " + (i + 2) + ": not a number");
            }
        }
        try {
            return GrState.fromAirGrVector(model, vector);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(path + ": " + e.getMessage());
        }
    }
}
