package org.vigie.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vigie.api.RatingCurve;
import org.vigie.rating.internal.Gauging;
import org.vigie.rating.internal.RatingCurveFitter;
import org.vigie.rating.internal.RatingFit;
import org.vigie.rating.internal.RatingFitOptions;

/**
 * {@code bin/vigie rating}: fits a station's stage–discharge curve to gaugings ({@code H,Q} rows, m and m³/s) and
 * writes it as a {@code ratingCurves} entry of the catchment format, with its residuals on stderr.
 */
final class RatingCommand {

    private static final Set<String> OPTIONS = Set.of("input", "station", "valid-from", "segments", "out");

    private RatingCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of());
        Path input = Path.of(line.required("input"));
        String station = line.required("station");
        Instant validFrom;
        try {
            validFrom = Instant.parse(line.required("valid-from"));
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("--valid-from expects an ISO-8601 UTC instant such as"
                    + " 2024-01-01T00:00:00Z");
        }
        RatingFitOptions options = RatingFitOptions.defaults();
        if (line.value("segments").isPresent()) {
            try {
                options = options.withSegments(Integer.parseInt(line.value("segments").get()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.UsageException("--segments: " + e.getMessage());
            }
        }
        RatingFit fit;
        try {
            fit = new RatingCurveFitter(options).fit(station, validFrom, read(input));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(input + ": " + e.getMessage());
        }
        Path outFile = Path.of(line.required("out"));
        Files.writeString(outFile, json(fit.curve()), StandardCharsets.UTF_8);
        err.printf(Locale.ROOT, "%d gaugings, %d segment(s): %s -> %s%n", fit.residuals().residuals().size(),
                fit.curve().segments().size(), fit.residuals().summary(), outFile);
    }

    /** Rows {@code H,Q} after a header naming them; a leading time column is allowed and ignored. */
    private static List<Gauging> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("input file " + file + " not found");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new CommandLine.UsageException(file + " is empty");
        }
        List<String> header = List.of(lines.get(0).trim().split(",", -1));
        int h = header.indexOf("H");
        int q = header.indexOf("Q");
        if (h < 0 || q < 0) {
            throw new CommandLine.UsageException(file + " line 1: the header must name columns H and Q, got "
                    + header);
        }
        List<Gauging> gaugings = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String row = lines.get(i).trim();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            try {
                gaugings.add(new Gauging(Double.parseDouble(cells[h]), Double.parseDouble(cells[q])));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new CommandLine.UsageException(file + " line " + (i + 1) + ": expected numbers in H and Q,"
                        + " got '" + row + "'");
            }
        }
        return gaugings;
    }

    private static String json(RatingCurve curve) {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"station\": \"%s\", \"validFrom\": \"%s\", \"maxGaugedLevel\": %s,%n \"segments\": [",
                curve.stationCode(), curve.validFrom(), curve.maxGaugedLevel()));
        for (int i = 0; i < curve.segments().size(); i++) {
            RatingCurve.Segment s = curve.segments().get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "%n  {\"fromLevel\": %s, \"a\": %s, \"h0\": %s, \"b\": %s}", s.fromLevel(), s.a(), s.h0(), s.b()));
        }
        return json.append("]}\n").toString();
    }
}
