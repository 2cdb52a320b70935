package org.vigie.forecasting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes what a {@link HindcastExperiment} found: the per-lead metrics as CSV, and a report with plots (skill and
 * band coverage against lead time, hydrographs of the largest events with the band) either as one HTML page with
 * inline SVG or as Markdown beside PNG images drawn with Java2D (headless).
 */
public final class HindcastReport {

    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM HH'h'").withZone(ZoneOffset.UTC);
    private static final String BLUE = "#1f77b4";
    private static final String ORANGE = "#ff7f0e";
    private static final String GREEN = "#2ca02c";
    private static final String RED = "#d62728";
    private static final String GREY = "#7f7f7f";
    private static final String BLACK = "#000000";

    private HindcastReport() {
    }

    /** Column name of the band coverage, e.g. {@code coverage_10_90}. */
    public static String coverageColumn(VerificationResult verification) {
        return "coverage_" + percent(verification.lowerProbability()) + "_" + percent(verification.upperProbability());
    }

    private static String percent(double probability) {
        return new java.math.BigDecimal(Double.toString(probability * 100)).stripTrailingZeros().toPlainString();
    }

    /**
     * One row per lead: {@code lead,pairs,nse,kge,bias,coverage_10_90,nse_persistence,nse_no_update,
     * nse_state_update,kge_persistence,kge_no_update,rmse,peak_error,peak_timing_abs,peak_timing} then
     * {@code pod_S,far_S,csi_S,brier_S} per threshold S (shown unit). NA where a score is undefined.
     */
    public static String metricsCsv(VerificationResult verification, ReportContext context) {
        StringBuilder csv = new StringBuilder("lead,pairs,nse,kge,bias,").append(coverageColumn(verification))
                .append(",nse_persistence,nse_no_update,nse_state_update,kge_persistence,kge_no_update,rmse,")
                .append("peak_error,peak_timing_abs,peak_timing");
        List<String> labels = thresholdLabels(verification, context);
        for (String label : labels) {
            csv.append(",pod_").append(label).append(",far_").append(label).append(",csi_").append(label)
                    .append(",brier_").append(label);
        }
        csv.append('\n');
        for (LeadScores lead : verification.leads()) {
            csv.append(lead.lead()).append(',').append(lead.pairs());
            for (double value : new double[] {lead.nse(), lead.kge(), lead.bias(), lead.coverage(),
                lead.nsePersistence(), lead.nseNoUpdate(), lead.nseStateUpdateOnly(), lead.kgePersistence(),
                lead.kgeNoUpdate(), lead.rmse() * context.flowFactor(), lead.meanPeakError(),
                lead.meanAbsolutePeakTiming(), lead.meanPeakTiming()}) {
                csv.append(',').append(csvNumber(value));
            }
            for (ThresholdScores threshold : lead.thresholds()) {
                csv.append(',').append(csvNumber(threshold.pod())).append(',').append(csvNumber(threshold.far()))
                        .append(',').append(csvNumber(threshold.csi())).append(',')
                        .append(csvNumber(threshold.brier()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static List<String> thresholdLabels(VerificationResult verification, ReportContext context) {
        List<String> labels = new ArrayList<>();
        if (!verification.leads().isEmpty()) {
            for (ThresholdScores threshold : verification.leads().get(0).thresholds()) {
                labels.add(compact(threshold.threshold() * context.flowFactor()));
            }
        }
        return labels;
    }

    private static String compact(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros()
                .toPlainString();
    }

    private static String csvNumber(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "NA";
    }

    /** The report as one HTML page with inline SVG plots. */
    public static String html(HindcastExperiment.Result result, ReportContext context) {
        HtmlDocument document = new HtmlDocument();
        write(result, context, document);
        return document.finish(context.title());
    }

    /**
     * The report as Markdown; its PNG plots are written to {@code imageDirectory} and linked relatively to
     * {@code reportFile}'s folder.
     */
    public static String markdown(HindcastExperiment.Result result, ReportContext context, Path reportFile,
                                  Path imageDirectory) {
        MarkdownDocument document = new MarkdownDocument(reportFile.toAbsolutePath().getParent(),
                imageDirectory);
        write(result, context, document);
        return document.finish(context.title());
    }

    /** Structure of the report, independent of its format. */
    private interface Document {
        void heading(String text);

        void paragraph(String text);

        void list(List<String> items);

        void table(List<String> header, List<List<String>> rows);

        void chart(String name, Chart chart);
    }

    private static void write(HindcastExperiment.Result result, ReportContext context, Document document) {
        ChainSettings settings = result.settings();
        VerificationResult verification = result.verification();
        Instant[] times = context.times();
        String unit = context.flowUnit();
        String leadUnit = context.leadUnit();
        List<String> setup = new ArrayList<>(context.notes());
        setup.add("Model " + settings.model() + " with X = " + Arrays.toString(round(result.parameters().values()))
                + (result.calibration() == null ? " (given)"
                : String.format(Locale.ROOT, " calibrated on %s: %s = %.4f (%d runs, %.1f s)",
                period(times, settings.calibrateFrom(), settings.calibrateTo()),
                result.calibration().criterionName(), result.calibration().criterion(),
                result.calibration().runs(), result.calibration().elapsed().toMillis() / 1000.0)));
        setup.add("Warm-up of the calibration: " + result.calibrationWarmUp().describe(times));
        setup.add("Warm-up of the hindcast: " + result.hindcastWarmUp().describe(times)
                + (result.hindcastWarmUp().spinUp() ? "" : "; the updating runs over the warm-up too"));
        setup.add("Hindcast: a forecast issued at the end of every step of " + period(times, settings.hindcastFrom(),
                settings.hindcastTo()) + " (" + verification.issues() + " forecasts), leads 1–" + settings.leads()
                + " " + leadUnit + ", future rainfall " + scenario(settings.scenario()));
        OutputErrorModel errors = result.errorModel();
        setup.add("Updating: routing store reset " + settings.resetPolicy() + (errors == null
                ? ", no output correction"
                : String.format(Locale.ROOT, ", then output correction in Box-Cox(λ = %s, ε = %.4g %s) space with "
                        + "b = %s and φ = %.4f per %s (correction at lead k: φ^(k−1)·Σ b_j·e(t−j))",
                compact(errors.transform().lambda()), errors.transform().epsilon() * context.flowFactor(), unit,
                Arrays.toString(round(coefficients(errors))), errors.decay(), leadUnit)));
        UncertaintyModel uncertainty = result.uncertainty();
        double[] bounds = uncertainty.classBounds();
        for (int c = 0; c < bounds.length; c++) {
            bounds[c] *= context.flowFactor();
        }
        setup.add("Uncertainty: empirical quantiles of obs/forecast ratios learnt on the calibration period, "
                + uncertainty.classCount() + " forecast-flow classes split at " + Arrays.toString(round(bounds))
                + " " + unit + "; band " + coverageColumn(verification).substring("coverage_".length())
                .replace('_', '–') + " %");
        HindcastExperiment.Timings timings = result.timings();
        setup.add(String.format(Locale.ROOT, "Computing time: calibration %.2f s, learning %.2f s, hindcast %.2f s",
                seconds(timings.calibration()), seconds(timings.learning()), seconds(timings.hindcast())));
        document.heading("Set-up");
        document.list(setup);

        document.heading("Summary");
        long beatsPersistence = verification.leads().stream().filter(l -> l.nse() > l.nsePersistence()).count();
        long beatsOpenLoop = verification.leads().stream().filter(l -> l.nse() > l.nseNoUpdate()).count();
        document.list(List.of(
                String.format(Locale.ROOT, "NSE with updating above persistence at %d of %d leads, above the model "
                        + "without updating at %d of %d", beatsPersistence, settings.leads(), beatsOpenLoop,
                        settings.leads()),
                String.format(Locale.ROOT, "The %s band holds %.1f %% of the observations (all leads), nominal %.0f %%",
                        coverageColumn(verification).substring("coverage_".length()).replace('_', '–') + " %",
                        100 * verification.overallCoverage(),
                        100 * (verification.upperProbability() - verification.lowerProbability()))));

        int leads = settings.leads();
        double[] leadAxis = new double[leads];
        double[] nse = new double[leads];
        double[] kge = new double[leads];
        double[] persistence = new double[leads];
        double[] openLoop = new double[leads];
        double[] stateOnly = new double[leads];
        double[] coverage = new double[leads];
        double[] nominal = new double[leads];
        for (int k = 0; k < leads; k++) {
            LeadScores scores = verification.lead(k + 1);
            leadAxis[k] = k + 1;
            nse[k] = scores.nse();
            kge[k] = scores.kge();
            persistence[k] = scores.nsePersistence();
            openLoop[k] = scores.nseNoUpdate();
            stateOnly[k] = scores.nseStateUpdateOnly();
            coverage[k] = scores.coverage();
            nominal[k] = verification.upperProbability() - verification.lowerProbability();
        }
        double lowest = Math.min(0, Arrays.stream(persistence).filter(Double::isFinite).min().orElse(0));
        document.heading("Skill against lead time");
        document.chart("skill", new Chart("Skill against lead time", "lead (" + leadUnit + ")", "score",
                x -> String.format(Locale.ROOT, "%.0f", x)).yRange(Math.max(-1, Math.floor(lowest * 10) / 10), 1)
                .line("NSE updated", BLUE, false, leadAxis, nse)
                .line("KGE updated", BLUE, true, leadAxis, kge)
                .line("NSE state reset only", GREEN, false, leadAxis, stateOnly)
                .line("NSE no update", GREY, false, leadAxis, openLoop)
                .line("NSE persistence", RED, false, leadAxis, persistence));
        document.chart("coverage", new Chart("Band coverage against lead time", "lead (" + leadUnit + ")",
                "share inside", x -> String.format(Locale.ROOT, "%.0f", x)).yRange(0.5, 1)
                .line("observed coverage", BLUE, false, leadAxis, coverage)
                .line("nominal", BLACK, true, leadAxis, nominal));

        document.heading("Scores per lead time");
        List<List<String>> rows = new ArrayList<>();
        for (LeadScores scores : verification.leads()) {
            rows.add(List.of(Integer.toString(scores.lead()), fixed(scores.nse(), 4), fixed(scores.kge(), 4),
                    fixed(scores.bias(), 4), fixed(scores.coverage(), 3), fixed(scores.nsePersistence(), 4),
                    fixed(scores.nseNoUpdate(), 4), fixed(scores.nseStateUpdateOnly(), 4),
                    fixed(100 * scores.meanPeakError(), 1), fixed(scores.meanAbsolutePeakTiming(), 1)));
        }
        document.table(List.of("lead (" + leadUnit + ")", "NSE", "KGE", "bias", "coverage", "NSE persistence",
                "NSE no update", "NSE state reset only", "peak error (%)", "|timing| (" + leadUnit + ")"), rows);

        List<String> labels = thresholdLabels(verification, context);
        if (!labels.isEmpty()) {
            document.heading("Thresholds");
            document.paragraph("A forecast warns when it reaches the threshold; POD = hits/(hits+misses), FAR = false "
                    + "alarms/(hits+false alarms), CSI = hits/(hits+misses+false alarms); Brier score of the "
                    + "exceedance probability given by the band model.");
            for (int s = 0; s < labels.size(); s++) {
                List<List<String>> thresholdRows = new ArrayList<>();
                for (LeadScores scores : verification.leads()) {
                    ThresholdScores threshold = scores.thresholds().get(s);
                    thresholdRows.add(List.of(Integer.toString(scores.lead()), Long.toString(threshold.hits()),
                            Long.toString(threshold.misses()), Long.toString(threshold.falseAlarms()),
                            fixed(threshold.pod(), 3), fixed(threshold.far(), 3), fixed(threshold.csi(), 3),
                            fixed(threshold.brier(), 4)));
                }
                document.paragraph("Threshold " + labels.get(s) + " " + unit);
                document.table(List.of("lead", "hits", "misses", "false alarms", "POD", "FAR", "CSI", "Brier"),
                        thresholdRows);
            }
        }

        if (!verification.events().isEmpty()) {
            document.heading("Largest events");
            Set<Integer> shownLeads = new LinkedHashSet<>(List.of(1, Math.max(1, leads / 4), Math.max(1, leads / 2),
                    leads));
            List<String> header = new ArrayList<>(List.of("event", "observed peak (UTC)", "peak (" + unit + ")"));
            for (int lead : shownLeads) {
                header.add("lead " + lead + ": peak error (%) / timing (" + leadUnit + ")");
            }
            List<List<String>> eventRows = new ArrayList<>();
            int rank = 0;
            for (EventTrace trace : verification.events()) {
                rank++;
                double[] observed = trace.observed();
                int peakAt = trace.event().peakIndex() - trace.event().windowFrom();
                List<String> row = new ArrayList<>(List.of(Integer.toString(rank),
                        DAY_HOUR.format(times[trace.event().peakIndex()]),
                        fixed(observed[peakAt] * context.flowFactor(), 1)));
                for (int lead : shownLeads) {
                    var peak = trace.peak(lead, leads);
                    row.add(peak == null ? "—"
                            : fixed(100 * peak.relativeMagnitudeError(), 1) + " / " + peak.timingErrorSteps());
                }
                eventRows.add(row);
            }
            document.paragraph("The largest observed peaks at least " + 2 * leads + " " + leadUnit + " apart. Peak "
                    + "error: highest forecast of a lead within ±" + leads + " " + leadUnit + " of the observed peak, "
                    + "relative to it; timing: its time minus the observed peak's (positive = late).");
            document.table(header, eventRows);
            document.paragraph("Each plot shows the forecasts issued a fixed lead before each step: at lead "
                    + leads + " " + leadUnit + " with its band, at lead " + Math.max(1, leads / 4) + " " + leadUnit
                    + ", and the model without updating at lead " + leads + " " + leadUnit + ".");
            rank = 0;
            for (EventTrace trace : verification.events()) {
                rank++;
                FloodEvent event = trace.event();
                double[] xs = new double[event.length()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = event.windowFrom() + i;
                }
                int shortLead = Math.max(1, leads / 4);
                document.chart("event-" + rank, new Chart("Event " + rank + ", peak "
                        + DAY_HOUR.format(times[event.peakIndex()]) + " UTC", "time (UTC)", unit,
                        x -> SHORT.format(times[(int) Math.round(Math.max(0, Math.min(times.length - 1, x)))]))
                        .band(percentLabel(verification) + " band, lead " + leads, BLUE, xs,
                                scaled(trace.lower(leads), context), scaled(trace.upper(leads), context))
                        .line("observed", BLACK, false, xs, scaled(trace.observed(), context))
                        .line("forecast, lead " + leads, BLUE, false, xs, scaled(trace.forecast(leads), context))
                        .line("forecast, lead " + shortLead, ORANGE, false, xs,
                                scaled(trace.forecast(shortLead), context))
                        .line("no update, lead " + leads, GREY, true, xs, scaled(trace.noUpdate(leads), context)));
            }
        }
    }

    private static String percentLabel(VerificationResult verification) {
        return coverageColumn(verification).substring("coverage_".length()).replace('_', '–') + " %";
    }

    private static double[] coefficients(OutputErrorModel errors) {
        double[] b = new double[errors.order()];
        for (int j = 0; j < b.length; j++) {
            b[j] = errors.coefficient(1, j);
        }
        return b;
    }

    private static String scenario(RainfallScenario scenario) {
        return scenario == RainfallScenario.OBSERVED ? "observed (perfect forecast)" : "zero";
    }

    private static String period(Instant[] times, int from, int to) {
        return DAY_HOUR.format(times[from]) + " – " + DAY_HOUR.format(times[to - 1]) + " UTC";
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double[] scaled(double[] values, ReportContext context) {
        double[] shown = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = values[i] * context.flowFactor();
        }
        return shown;
    }

    private static double[] round(double[] values) {
        double[] rounded = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rounded[i] = Double.parseDouble(String.format(Locale.ROOT, "%.5g", values[i]));
        }
        return rounded;
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "—";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class HtmlDocument implements Document {
        private final StringBuilder body = new StringBuilder();

        @Override
        public void heading(String text) {
            body.append("<h2>").append(escape(text)).append("</h2>\n");
        }

        @Override
        public void paragraph(String text) {
            body.append("<p>").append(escape(text)).append("</p>\n");
        }

        @Override
        public void list(List<String> items) {
            body.append("<ul>\n");
            for (String item : items) {
                body.append("<li>").append(escape(item)).append("</li>\n");
            }
            body.append("</ul>\n");
        }

        @Override
        public void table(List<String> header, List<List<String>> rows) {
            body.append("<table>\n<tr>");
            for (String cell : header) {
                body.append("<th>").append(escape(cell)).append("</th>");
            }
            body.append("</tr>\n");
            for (List<String> row : rows) {
                body.append("<tr>");
                for (String cell : row) {
                    body.append("<td>").append(escape(cell)).append("</td>");
                }
                body.append("</tr>\n");
            }
            body.append("</table>\n");
        }

        @Override
        public void chart(String name, Chart chart) {
            body.append("<figure id=\"").append(escape(name)).append("\">").append(chart.svg()).append("</figure>\n");
        }

        String finish(String title) {
            return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                    + "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:1em auto}"
                    + "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #bbb;padding:2px 6px;"
                    + "text-align:right}figure{margin:0.5em 0}</style></head><body>\n<h1>" + escape(title)
                    + "</h1>\n" + body + "</body></html>\n";
        }
    }

    private static final class MarkdownDocument implements Document {
        private final StringBuilder body = new StringBuilder();
        private final Path reportDirectory;
        private final Path imageDirectory;

        MarkdownDocument(Path reportDirectory, Path imageDirectory) {
            this.reportDirectory = reportDirectory;
            this.imageDirectory = imageDirectory.toAbsolutePath();
        }

        @Override
        public void heading(String text) {
            body.append("\n## ").append(text).append("\n\n");
        }

        @Override
        public void paragraph(String text) {
            body.append(text).append("\n\n");
        }

        @Override
        public void list(List<String> items) {
            for (String item : items) {
                body.append("- ").append(item).append('\n');
            }
            body.append('\n');
        }

        @Override
        public void table(List<String> header, List<List<String>> rows) {
            body.append("| ").append(String.join(" | ", header)).append(" |\n|");
            body.append(" ---: |".repeat(header.size())).append('\n');
            for (List<String> row : rows) {
                body.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            body.append('\n');
        }

        @Override
        public void chart(String name, Chart chart) {
            Path image = imageDirectory.resolve(name + ".png");
            try {
                Files.createDirectories(imageDirectory);
                Files.write(image, chart.png());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String link = reportDirectory == null ? image.toString()
                    : reportDirectory.relativize(image).toString().replace('\\', '/');
            body.append("![").append(name).append("](").append(link).append(")\n\n");
        }

        String finish(String title) {
            return "# " + title + "\n" + body;
        }
    }
}
