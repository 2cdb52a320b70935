package org.vigie.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A catchment's hypsometric curve: 101 altitudes in m (minimum, percentiles 1 to 99, maximum), either as the line
 * after {@code HypsoData} in an airGR BasinInfo file, or as the only line of a file.
 */
final class Hypsometry {

    private Hypsometry() {
    }

    static double[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("hypsometry file " + file + " not found");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String values = lines.size() == 1 ? lines.get(0) : null;
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("HypsoData")) {
                values = lines.get(i + 1);
            }
        }
        if (values == null) {
            throw new CommandLine.UsageException(file + ": no HypsoData line (nor a single line of 101 altitudes)");
        }
        double[] curve;
        try {
            curve = Arrays.stream(values.trim().split("[,;\\s]+")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException(file + ": the hypsometric curve holds a non-number");
        }
        if (curve.length != 101) {
            throw new CommandLine.UsageException(file + ": a hypsometric curve has 101 altitudes, got " + curve.length);
        }
        return curve;
    }
}
