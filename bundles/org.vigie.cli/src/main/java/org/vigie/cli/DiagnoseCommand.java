package org.vigie.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.qc.internal.DiagnosedPeriod;
import org.vigie.qc.internal.LevelDischargeCheck;
import org.vigie.qc.internal.ReportRenderer;
import org.vigie.qc.internal.StationDiagnostics;
import org.vigie.qc.internal.StationQcSettings;

/**
 * {@code bin/vigie diagnose}: the data diagnostics of {@code org.vigie.qc} on a {@code time,value} file, in the order
 * the rows come (that order is what the duplicate and out-of-order checks judge); writes {@code time,value,flags}
 * and optionally an HTML report with the summary, the anomalies and an SVG plot with flagged points in red, and the
 * plot alone as PNG or SVG.
 */
final class DiagnoseCommand {

    private static final Set<String> OPTIONS = Set.of("input", "quantity", "out", "report", "plot", "step");

    private DiagnoseCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of());
        Quantity quantity;
        try {
            quantity = Quantity.parse(line.required("quantity"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--quantity: " + e.getMessage());
        }
        Path input = Path.of(line.required("input"));
        List<Observation> observations = read(input, quantity);
        if (observations.size() < 2) {
            throw new CommandLine.UsageException(input + ": at least two values are needed");
        }
        Duration step = line.value("step").map(DiagnoseCommand::duration)
                .orElseGet(() -> StationDiagnostics.medianStep(observations));
        Instant first = observations.stream().map(Observation::time).min(Instant::compareTo).orElseThrow();
        Instant last = observations.stream().map(Observation::time).max(Instant::compareTo).orElseThrow();
        StationQcSettings settings = new StationQcSettings(Optional.of(step), quantity, Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), 0, Optional.empty(), LevelDischargeCheck.DEFAULT,
                Optional.empty(), Optional.empty());
        DiagnosedPeriod diagnosis = StationDiagnostics.diagnose("input", quantity, first, last.plus(step),
                observations, List.of(), List.of(), settings, Clock.systemUTC().instant());
        StringBuilder csv = new StringBuilder("time,value,flags\n");
        for (int i = 0; i < observations.size(); i++) {
            csv.append(observations.get(i).time()).append(',').append(observations.get(i).value()).append(',')
                    .append(diagnosis.flags().get(i).stream().map(Enum::name).collect(Collectors.joining("|")))
                    .append('\n');
        }
        Path outFile = Path.of(line.required("out"));
        Files.writeString(outFile, csv, StandardCharsets.UTF_8);
        if (line.value("report").isPresent()) {
            Files.writeString(Path.of(line.value("report").get()), ReportRenderer.html(diagnosis),
                    StandardCharsets.UTF_8);
        }
        if (line.value("plot").isPresent()) {
            Path plot = Path.of(line.value("plot").get());
            String name = plot.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                Files.write(plot, ReportRenderer.png(diagnosis));
            } else if (name.endsWith(".svg")) {
                Files.writeString(plot, ReportRenderer.svg(diagnosis), StandardCharsets.UTF_8);
            } else {
                throw new CommandLine.UsageException("--plot: the file name must end in .png or .svg, got " + plot);
            }
        }
        long flagged = java.util.stream.IntStream.range(0, observations.size())
                .filter(i -> !diagnosis.flags().get(i).isEmpty()).count();
        err.printf(Locale.ROOT, "%d values, step %s, completeness %.1f %%, %d flagged -> %s%n",
                observations.size(), step, diagnosis.report().completenessPercent(), flagged, outFile);
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--step expects an ISO-8601 duration such as PT1H, got '" + text + "'");
        }
    }

    private static List<Observation> read(Path file, Quantity quantity) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("input file " + file + " not found");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Observation> observations = new ArrayList<>();
        // receipt times in file order: the duplicate and out-of-order tests judge the order of the rows
        Instant received = Instant.now();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw new CommandLine.UsageException(file + " line " + (i + 1) + ": expected time,value");
            }
            if (cells[1].isBlank() || cells[1].equals("NA")) {
                continue; // a missing value is a gap, which the diagnostics report
            }
            try {
                observations.add(new Observation("input", quantity, Instant.parse(cells[0].trim()),
                        Double.parseDouble(cells[1].trim()), Quality.RAW, new Provenance("file", "", file.getFileName()
                        + ":" + (i + 1)), received.plusNanos(i)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new CommandLine.UsageException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return observations;
    }
}
