package org.vigie.qc.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Observation;
import org.vigie.api.service.DiagnosticReport;

/**
 * Renders a {@link DiagnosedPeriod}: an HTML page in French, and the plot of the series with its flagged points in
 * red, as SVG or PNG. The plot is laid out once and drawn by either back end, so both show the same thing.
 */
public final class ReportRenderer {

    static final int WIDTH = 960;
    static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final int TICKS = 5;
    private static final DateTimeFormatter TICK_HOURS = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TICK_DAYS = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC);
    /** Beyond this span the time of day on the axis says less than the year. */
    private static final long HOURS_SPAN_MILLIS = 3L * 86_400_000;
    private static final String SERIES_COLOUR = "#1f77b4";
    private static final String FLAG_COLOUR = "#d62728";

    private ReportRenderer() {
    }

    /** Minimal drawing surface both back ends implement. */
    private interface Canvas {
        void line(double x1, double y1, double x2, double y2, String colour);

        void polyline(double[] xs, double[] ys, int n, String colour);

        void dot(double x, double y, String colour);

        void text(double x, double y, String text, boolean centred);
    }

    public static byte[] png(DiagnosedPeriod period) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            draw(period, new Canvas() {
                @Override
                public void line(double x1, double y1, double x2, double y2, String colour) {
                    g.setColor(Color.decode(colour));
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Line2D.Double(x1, y1, x2, y2));
                }

                @Override
                public void polyline(double[] xs, double[] ys, int n, String colour) {
                    Path2D.Double path = new Path2D.Double();
                    for (int k = 0; k < n; k++) {
                        if (k == 0) {
                            path.moveTo(xs[k], ys[k]);
                        } else {
                            path.lineTo(xs[k], ys[k]);
                        }
                    }
                    g.setColor(Color.decode(colour));
                    g.setStroke(new BasicStroke(1.5f));
                    g.draw(path);
                }

                @Override
                public void dot(double x, double y, String colour) {
                    g.setColor(Color.decode(colour));
                    g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
                }

                @Override
                public void text(double x, double y, String text, boolean centred) {
                    g.setColor(Color.DARK_GRAY);
                    float offset = centred ? g.getFontMetrics().stringWidth(text) / 2f : 0;
                    g.drawString(text, (float) x - offset, (float) y);
                }
            });
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String svg(DiagnosedPeriod period) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" font-family=\"sans-serif\""
                + " font-size=\"11\"><rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        draw(period, new Canvas() {
            @Override
            public void line(double x1, double y1, double x2, double y2, String colour) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                        + " stroke=\"%s\"/>", x1, y1, x2, y2, colour));
            }

            @Override
            public void polyline(double[] xs, double[] ys, int n, String colour) {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour)
                        .append("\" points=\"");
                for (int k = 0; k < n; k++) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[k], ys[k]));
                }
                svg.append("\"/>");
            }

            @Override
            public void dot(double x, double y, String colour) {
                svg.append(String.format(Locale.ROOT, "<circle class=\"flagged\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\""
                        + " fill=\"%s\"/>", x, y, colour));
            }

            @Override
            public void text(double x, double y, String text, boolean centred) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>", x, y,
                        centred ? " text-anchor=\"middle\"" : "", escape(text)));
            }
        });
        return svg.append("</svg>").toString();
    }

    public static String html(DiagnosedPeriod period) {
        DiagnosticReport report = period.report();
        String title = "Diagnostic " + report.stationCode() + " " + report.quantity();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body>\n<h1>").append(escape(title)).append("</h1>\n<ul>")
                .append(String.format(Locale.FRANCE, "<li>période (UTC) : %s → %s</li>", report.from(), report.to()))
                .append(String.format(Locale.FRANCE, "<li>grandeur %s (%s), pas attendu %s</li>", report.quantity(),
                        report.quantity().unit(), report.expectedStep()))
                .append(String.format(Locale.FRANCE, "<li>%d observations, complétude %.1f %%</li>",
                        report.observationCount(), report.completenessPercent()));
        report.longestGap().ifPresent(g -> html.append("<li>plus longue lacune : ").append(g.lastBefore())
                .append(" → ").append(g.firstAfter()).append(" (").append(g.missingSteps()).append(" pas)</li>"));
        html.append("</ul>\n<table border=\"1\"><tr><th>test</th><th>% signalé</th></tr>\n");
        for (Map.Entry<DiagnosticFlag, Double> entry : report.flaggedPercent().entrySet()) {
            html.append(String.format(Locale.FRANCE, "<tr><td>%s</td><td>%.2f</td></tr>%n", entry.getKey(),
                    entry.getValue()));
        }
        html.append("</table>\n").append(svg(period)).append("\n<h2>Anomalies (")
                .append(report.anomalies().size()).append(")</h2>\n<table border=\"1\"><tr><th>temps (UTC)</th>"
                        + "<th>valeur</th><th>source</th><th>test</th><th>raison</th></tr>\n");
        for (DiagnosticReport.Anomaly a : report.anomalies()) {
            html.append("<tr><td>").append(a.time()).append("</td><td>").append(a.value()).append("</td><td>")
                    .append(escape(a.source())).append("</td><td>").append(a.flag()).append("</td><td>")
                    .append(escape(a.reason())).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }


    private static void draw(DiagnosedPeriod period, Canvas canvas) {
        DiagnosticReport report = period.report();
        List<Observation> observations = period.observations();
        canvas.text(WIDTH / 2.0, 18, report.stationCode() + " — " + report.quantity() + " (" + report.quantity().unit()
                + "), points signalés en rouge", true);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        canvas.line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#444444");
        canvas.line(LEFT, TOP, LEFT, TOP + plotHeight, "#444444");
        if (observations.isEmpty()) {
            canvas.text(LEFT + plotWidth / 2, TOP + plotHeight / 2, "aucune observation sur la période", true);
            return;
        }
        long t0 = report.from().toEpochMilli();
        long t1 = Math.max(t0 + 1, report.to().toEpochMilli());
        double v0 = observations.stream().mapToDouble(Observation::value).min().orElseThrow();
        double v1 = observations.stream().mapToDouble(Observation::value).max().orElseThrow();
        if (v1 - v0 < 1e-9) {
            v0 -= 0.5;
            v1 += 0.5;
        }
        double vMin = v0;
        double vSpan = v1 - v0;
        java.util.function.ToDoubleFunction<Instant> x = t -> LEFT + (t.toEpochMilli() - t0) * plotWidth / (t1 - t0);
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight - (v - vMin) * plotHeight / vSpan;
        for (int k = 0; k <= TICKS; k++) {
            double value = v0 + vSpan * k / TICKS;
            canvas.line(LEFT - 4, y.applyAsDouble(value), LEFT, y.applyAsDouble(value), "#444444");
            canvas.text(4, y.applyAsDouble(value) + 4, String.format(Locale.ROOT, "%.4g", value), false);
            Instant time = Instant.ofEpochMilli(t0 + (t1 - t0) * k / TICKS);
            canvas.line(x.applyAsDouble(time), TOP + plotHeight, x.applyAsDouble(time), TOP + plotHeight + 4,
                    "#444444");
            canvas.text(x.applyAsDouble(time), HEIGHT - 20,
                    (t1 - t0 <= HOURS_SPAN_MILLIS ? TICK_HOURS : TICK_DAYS).format(time), true);
        }
        double[] xs = new double[observations.size()];
        double[] ys = new double[observations.size()];
        for (int k = 0; k < observations.size(); k++) {
            xs[k] = x.applyAsDouble(observations.get(k).time());
            ys[k] = y.applyAsDouble(observations.get(k).value());
        }
        canvas.polyline(xs, ys, xs.length, SERIES_COLOUR);
        for (int k = 0; k < observations.size(); k++) {
            if (!period.flags().get(k).isEmpty()) {
                canvas.dot(xs[k], ys[k], FLAG_COLOUR);
            }
        }
        canvas.text(WIDTH / 2.0, HEIGHT - 4, "temps (UTC)", true);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
