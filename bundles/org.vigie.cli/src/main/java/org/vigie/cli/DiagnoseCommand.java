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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.service.DiagnosticReport;
import org.vigie.api.DiagnosticFlag;
import org.vigie.qc.internal.QcSettings;
import org.vigie.qc.internal.SeriesDiagnosis;
import org.vigie.qc.internal.SeriesDiagnostics;

/**
 * {@code bin/vigie diagnose}: the data diagnostics of {@code org.vigie.qc} on a {@code time,value} file, in the order
 * the rows come (that order is what the duplicate and out-of-order checks judge); writes {@code time,value,flags}
 * and optionally an HTML report with the summary, the anomalies and an SVG plot with flagged points in red.
 */
final class DiagnoseCommand {

    private static final Set<String> OPTIONS = Set.of("input", "quantity", "out", "report", "step");

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
        Duration step = line.value("step").map(DiagnoseCommand::duration).orElse(medianStep(observations));
        SeriesDiagnosis diagnosis = new SeriesDiagnostics(QcSettings.defaults(step))
                .diagnose(observations, quantity, Clock.systemUTC().instant());
        StringBuilder csv = new StringBuilder("time,value,flags\n");
        for (int i = 0; i < observations.size(); i++) {
            csv.append(observations.get(i).time()).append(',').append(observations.get(i).value()).append(',')
                    .append(diagnosis.flagsAt(i).stream().map(Enum::name).collect(Collectors.joining("|")))
                    .append('\n');
        }
        Path outFile = Path.of(line.required("out"));
        Files.writeString(outFile, csv, StandardCharsets.UTF_8);
        if (line.value("report").isPresent()) {
            Files.writeString(Path.of(line.value("report").get()), report(input, quantity, step, diagnosis),
                    StandardCharsets.UTF_8);
        }
        long flagged = java.util.stream.IntStream.range(0, observations.size())
                .filter(i -> !diagnosis.isClean(i)).count();
        err.printf(Locale.ROOT, "%d values, step %s, completeness %.1f %%, %d flagged %s -> %s%n",
                observations.size(), step, diagnosis.completenessPercent(), flagged, diagnosis.countsPerFlag(),
                outFile);
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
                        + ":" + (i + 1)), received));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new CommandLine.UsageException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return observations;
    }

    private static Duration medianStep(List<Observation> observations) {
        long[] steps = new long[observations.size() - 1];
        for (int i = 1; i < observations.size(); i++) {
            steps[i - 1] = Math.abs(Duration.between(observations.get(i - 1).time(), observations.get(i).time())
                    .getSeconds());
        }
        Arrays.sort(steps);
        long median = steps[steps.length / 2];
        if (median <= 0) {
            throw new CommandLine.UsageException("cannot infer the time step; give --step");
        }
        return Duration.ofSeconds(median);
    }

    private static String report(Path input, Quantity quantity, Duration step, SeriesDiagnosis diagnosis) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Diagnostic — ").append(escape(input.getFileName().toString())).append("</title></head><body>\n");
        html.append("<h1>Diagnostic de ").append(escape(input.getFileName().toString())).append("</h1>\n<ul>")
                .append(String.format(Locale.FRANCE, "<li>grandeur %s (%s), pas %s</li>", quantity, quantity.unit(),
                        step))
                .append(String.format(Locale.FRANCE, "<li>complétude %.1f %%</li>", diagnosis.completenessPercent()));
        diagnosis.longestGap().ifPresent(g -> html.append("<li>plus longue lacune : ").append(g.lastBefore())
                .append(" → ").append(g.firstAfter()).append(" (").append(g.missingSteps()).append(" pas)</li>"));
        diagnosis.countsPerFlag().forEach((flag, count) -> html.append("<li>").append(flag).append(" : ")
                .append(count).append("</li>"));
        html.append("</ul>\n").append(svg(diagnosis)).append("\n<table border=\"1\"><tr><th>temps (UTC)</th>"
                + "<th>valeur</th><th>test</th><th>raison</th></tr>\n");
        for (DiagnosticReport.Anomaly a : diagnosis.anomalies()) {
            html.append("<tr><td>").append(a.time()).append("</td><td>").append(a.value()).append("</td><td>")
                    .append(a.flag()).append("</td><td>").append(escape(a.reason())).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    /** The series as a line, flagged points as red dots. */
    private static String svg(SeriesDiagnosis diagnosis) {
        List<Observation> obs = diagnosis.observations();
        double width = 900;
        double height = 300;
        long t0 = obs.stream().map(Observation::time).min(Instant::compareTo).orElseThrow().getEpochSecond();
        long t1 = obs.stream().map(Observation::time).max(Instant::compareTo).orElseThrow().getEpochSecond();
        double v0 = obs.stream().mapToDouble(Observation::value).min().orElse(0);
        double v1 = obs.stream().mapToDouble(Observation::value).max().orElse(1);
        double spanT = Math.max(1, t1 - t0);
        double spanV = v1 > v0 ? v1 - v0 : 1;
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < obs.size(); i++) {
            double x = (obs.get(i).time().getEpochSecond() - t0) / spanT * width;
            double y = height - (obs.get(i).value() - v0) / spanV * height;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            if (!diagnosis.isClean(i)) {
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"red\"/>", x, y));
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (int) width + "\" height=\"" + (int) height
                + "\"><polyline fill=\"none\" stroke=\"steelblue\" points=\"" + points + "\"/>" + dots + "</svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
