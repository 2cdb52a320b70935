package org.vigie.forecasting.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A small line chart (lines, shaded bands, a legend) laid out once and drawn either as SVG text or as a PNG image
 * with Java2D (headless), so both show the same thing. NaN values break lines. Not thread-safe while being built.
 */
final class Chart {

    static final int WIDTH = 900;
    static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;
    private static final int TICKS = 6;

    private record Line(String name, String colour, boolean dashed, double[] xs, double[] ys) {
    }

    private record Band(String name, String colour, double[] xs, double[] lower, double[] upper) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final DoubleFunction<String> xTick;
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private Double yMinimum;
    private Double yMaximum;

    Chart(String title, String xLabel, String yLabel, DoubleFunction<String> xTick) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xTick = xTick;
    }

    Chart line(String name, String colour, boolean dashed, double[] xs, double[] ys) {
        lines.add(new Line(name, colour, dashed, xs, ys));
        return this;
    }

    Chart band(String name, String colour, double[] xs, double[] lower, double[] upper) {
        bands.add(new Band(name, colour, xs, lower, upper));
        return this;
    }

    /** Fixes the y range instead of fitting the data (e.g. skill scores from 0 to 1). */
    Chart yRange(double minimum, double maximum) {
        yMinimum = minimum;
        yMaximum = maximum;
        return this;
    }

    /** Drawing primitives both back ends implement. */
    private interface Canvas {
        void line(double x1, double y1, double x2, double y2, String colour, boolean dashed, float width);

        void polyline(double[] xs, double[] ys, int n, String colour, boolean dashed);

        void polygon(double[] xs, double[] ys, int n, String colour);

        void text(double x, double y, String text, int anchor);
    }

    byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            draw(new Canvas() {
                @Override
                public void line(double x1, double y1, double x2, double y2, String colour, boolean dashed,
                                 float width) {
                    g.setColor(Color.decode(colour));
                    g.setStroke(stroke(dashed, width));
                    g.draw(new Line2D.Double(x1, y1, x2, y2));
                }

                @Override
                public void polyline(double[] xs, double[] ys, int n, String colour, boolean dashed) {
                    Path2D.Double path = new Path2D.Double();
                    for (int k = 0; k < n; k++) {
                        if (k == 0) {
                            path.moveTo(xs[k], ys[k]);
                        } else {
                            path.lineTo(xs[k], ys[k]);
                        }
                    }
                    g.setColor(Color.decode(colour));
                    g.setStroke(stroke(dashed, 1.6f));
                    g.draw(path);
                }

                @Override
                public void polygon(double[] xs, double[] ys, int n, String colour) {
                    Path2D.Double path = new Path2D.Double();
                    for (int k = 0; k < n; k++) {
                        if (k == 0) {
                            path.moveTo(xs[k], ys[k]);
                        } else {
                            path.lineTo(xs[k], ys[k]);
                        }
                    }
                    path.closePath();
                    Color base = Color.decode(colour);
                    g.setColor(new Color(base.getRed(), base.getGreen(), base.getBlue(), 70));
                    g.fill(path);
                }

                @Override
                public void text(double x, double y, String text, int anchor) {
                    g.setColor(Color.DARK_GRAY);
                    int width = g.getFontMetrics().stringWidth(text);
                    float offset = anchor == 0 ? width / 2f : anchor > 0 ? width : 0;
                    g.drawString(text, (float) x - offset, (float) y);
                }
            });
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static BasicStroke stroke(boolean dashed, float width) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(width);
    }

    String svg() {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\"><rect width=\"100%%\" height=\"100%%\""
                        + " fill=\"white\"/>", WIDTH, HEIGHT, WIDTH, HEIGHT));
        draw(new Canvas() {
            @Override
            public void line(double x1, double y1, double x2, double y2, String colour, boolean dashed,
                             float width) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                        + " stroke=\"%s\" stroke-width=\"%.1f\"%s/>", x1, y1, x2, y2, colour, width,
                        dashed ? " stroke-dasharray=\"6 4\"" : ""));
            }

            @Override
            public void polyline(double[] xs, double[] ys, int n, String colour, boolean dashed) {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(colour).append('"')
                        .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"");
                for (int k = 0; k < n; k++) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[k], ys[k]));
                }
                svg.append("\"/>");
            }

            @Override
            public void polygon(double[] xs, double[] ys, int n, String colour) {
                svg.append("<polygon stroke=\"none\" fill-opacity=\"0.28\" fill=\"").append(colour)
                        .append("\" points=\"");
                for (int k = 0; k < n; k++) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[k], ys[k]));
                }
                svg.append("\"/>");
            }

            @Override
            public void text(double x, double y, String text, int anchor) {
                String position = anchor == 0 ? " text-anchor=\"middle\"" : anchor > 0 ? " text-anchor=\"end\"" : "";
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>", x, y, position,
                        HindcastReport.escape(text)));
            }
        });
        return svg.append("</svg>").toString();
    }

    private void draw(Canvas canvas) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        canvas.text(LEFT + plotWidth / 2, 20, title, 0);
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            for (int i = 0; i < line.xs().length; i++) {
                if (Double.isFinite(line.ys()[i])) {
                    x0 = Math.min(x0, line.xs()[i]);
                    x1 = Math.max(x1, line.xs()[i]);
                    y0 = Math.min(y0, line.ys()[i]);
                    y1 = Math.max(y1, line.ys()[i]);
                }
            }
        }
        for (Band band : bands) {
            for (int i = 0; i < band.xs().length; i++) {
                if (Double.isFinite(band.lower()[i]) && Double.isFinite(band.upper()[i])) {
                    x0 = Math.min(x0, band.xs()[i]);
                    x1 = Math.max(x1, band.xs()[i]);
                    y0 = Math.min(y0, band.lower()[i]);
                    y1 = Math.max(y1, band.upper()[i]);
                }
            }
        }
        canvas.line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#444444", false, 1f);
        canvas.line(LEFT, TOP, LEFT, TOP + plotHeight, "#444444", false, 1f);
        if (!(x1 >= x0)) {
            canvas.text(LEFT + plotWidth / 2, TOP + plotHeight / 2, "no data", 0);
            return;
        }
        if (yMinimum != null) {
            y0 = yMinimum;
            y1 = yMaximum;
        }
        if (x1 == x0) {
            x1 = x0 + 1;
        }
        if (y1 == y0) {
            y1 = y0 + 1;
        }
        double[] limits = {y0, y1};
        int ticks = TICKS;
        if (yMinimum == null) {
            // round limits on a 1-2-5 step, never below 0 for data that are not
            double step = niceStep((y1 - y0) / 5);
            limits[0] = Math.floor(y0 / step) * step;
            limits[1] = Math.ceil(y1 / step) * step;
            if (y0 >= 0) {
                limits[0] = Math.max(0, limits[0]);
            }
            ticks = (int) Math.round((limits[1] - limits[0]) / step);
        } else {
            double step = niceStep((y1 - y0) / 5);
            double count = (y1 - y0) / step;
            ticks = Math.abs(count - Math.round(count)) < 1e-9 ? (int) Math.round(count) : TICKS;
        }
        double ylow = limits[0];
        double yhigh = limits[1];
        double xlow = x0;
        double xhigh = x1;
        DoubleToPixel px = x -> LEFT + (x - xlow) / (xhigh - xlow) * plotWidth;
        DoubleToPixel py = y -> TOP + plotHeight - (Math.max(ylow, Math.min(yhigh, y)) - ylow) / (yhigh - ylow)
                * plotHeight;
        for (int t = 0; t <= ticks; t++) {
            double y = ylow + t * (yhigh - ylow) / ticks;
            canvas.line(LEFT, py.at(y), LEFT + plotWidth, py.at(y), "#e4e4e4", false, 1f);
            canvas.text(LEFT - 6, py.at(y) + 4, number(y, yhigh - ylow), 1);
        }
        for (int t = 0; t <= TICKS; t++) {
            double x = xlow + t * (xhigh - xlow) / TICKS;
            canvas.line(px.at(x), TOP + plotHeight, px.at(x), TOP + plotHeight + 4, "#444444", false, 1f);
            canvas.text(px.at(x), TOP + plotHeight + 16, xTick.apply(x), 0);
        }
        canvas.text(LEFT + plotWidth / 2, HEIGHT - 6, xLabel, 0);
        canvas.text(8, TOP - 10, yLabel, -1);
        int legend = 0;
        for (Band band : bands) {
            drawBand(canvas, band, px, py);
            double y = TOP + 10 + 18 * legend++;
            double[] xs = {LEFT + plotWidth + 12, LEFT + plotWidth + 36, LEFT + plotWidth + 36,
                LEFT + plotWidth + 12};
            double[] ys = {y - 5, y - 5, y + 5, y + 5};
            canvas.polygon(xs, ys, 4, band.colour());
            canvas.text(LEFT + plotWidth + 42, y + 4, band.name(), -1);
        }
        for (Line line : lines) {
            drawLine(canvas, line, px, py);
            double y = TOP + 10 + 18 * legend++;
            canvas.line(LEFT + plotWidth + 12, y, LEFT + plotWidth + 36, y, line.colour(), line.dashed(), 2f);
            canvas.text(LEFT + plotWidth + 42, y + 4, line.name(), -1);
        }
    }

    @FunctionalInterface
    private interface DoubleToPixel {
        double at(double value);
    }

    private static void drawLine(Canvas canvas, Line line, DoubleToPixel px, DoubleToPixel py) {
        int n = line.xs().length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        int run = 0;
        for (int i = 0; i <= n; i++) {
            if (i < n && Double.isFinite(line.ys()[i])) {
                xs[run] = px.at(line.xs()[i]);
                ys[run] = py.at(line.ys()[i]);
                run++;
            } else {
                if (run > 1) {
                    canvas.polyline(xs, ys, run, line.colour(), line.dashed());
                }
                run = 0;
            }
        }
    }

    private static void drawBand(Canvas canvas, Band band, DoubleToPixel px, DoubleToPixel py) {
        int n = band.xs().length;
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean valid = i < n && Double.isFinite(band.lower()[i]) && Double.isFinite(band.upper()[i]);
            if (valid && start < 0) {
                start = i;
            } else if (!valid && start >= 0) {
                int m = i - start;
                double[] xs = new double[2 * m];
                double[] ys = new double[2 * m];
                for (int k = 0; k < m; k++) {
                    xs[k] = px.at(band.xs()[start + k]);
                    ys[k] = py.at(band.upper()[start + k]);
                    xs[2 * m - 1 - k] = xs[k];
                    ys[2 * m - 1 - k] = py.at(band.lower()[start + k]);
                }
                canvas.polygon(xs, ys, 2 * m, band.colour());
                start = -1;
            }
        }
    }

    /** The 1, 2 or 5 × 10^n step nearest above a rough step. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String number(double value, double span) {
        if (span >= 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (span >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
