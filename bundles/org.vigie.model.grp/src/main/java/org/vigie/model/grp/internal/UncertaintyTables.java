package org.vigie.model.grp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.vigie.forecasting.internal.UncertaintyModel;

/**
 * An {@link UncertaintyModel} as plain numbers: its ε, its class bounds and its table of error-ratio quantiles
 * r[lead][class][g] on the probability grid g/200 (g = 0…200), flattened lead-major. This is how the table travels in
 * a {@link org.vigie.api.spi.ModelState} and in the default table shipped with the bundle.
 *
 * <p>The library exposes the table only through {@link UncertaintyModel#ratioQuantile}; read back at the grid
 * probabilities it reproduces the learnt values to about 10⁻¹⁴ (exactly for most points).
 */
final class UncertaintyTables {

    /** Points of the probability grid: 0, 0.005, …, 1. */
    static final int GRID = 201;
    private static final int INTERVALS = GRID - 1;
    private static final String FORMAT = "format 1";

    /**
     * @param epsilon     ε of the ratios (mm per step)
     * @param classBounds forecast-flow limits between classes (mm per step)
     * @param leads       K
     * @param classes     C = bounds + 1
     * @param quantiles   K·C·201 values, index ((lead − 1)·C + class)·201 + g
     */
    record Table(double epsilon, double[] classBounds, int leads, int classes, double[] quantiles) {

        Table {
            classBounds = classBounds.clone();
            quantiles = quantiles.clone();
            if (classes != classBounds.length + 1 || leads < 1 || quantiles.length != leads * classes * GRID) {
                throw new IllegalArgumentException("an uncertainty table of " + leads + " leads and " + classes
                        + " classes (" + classBounds.length + " bounds) needs " + leads * classes * GRID
                        + " quantiles, got " + quantiles.length);
            }
        }

        @Override
        public double[] classBounds() {
            return classBounds.clone();
        }

        @Override
        public double[] quantiles() {
            return quantiles.clone();
        }

        UncertaintyModel toModel() {
            double[][][] grid = new double[leads][classes][];
            for (int k = 0; k < leads; k++) {
                for (int c = 0; c < classes; c++) {
                    int from = (k * classes + c) * GRID;
                    grid[k][c] = Arrays.copyOfRange(quantiles, from, from + GRID);
                }
            }
            return new UncertaintyModel(epsilon, classBounds, grid);
        }
    }

    private UncertaintyTables() {
    }

    /** The table of a learnt model. */
    static Table of(UncertaintyModel model) {
        double[] bounds = model.classBounds();
        int leads = model.learntLeads();
        int classes = model.classCount();
        double[] quantiles = new double[leads * classes * GRID];
        for (int k = 0; k < leads; k++) {
            for (int c = 0; c < classes; c++) {
                // a forecast flow inside class c: its lower bound, or below every bound for the lowest class
                double forecast = c == 0 ? -Double.MAX_VALUE : bounds[c - 1];
                for (int g = 0; g < GRID; g++) {
                    quantiles[(k * classes + c) * GRID + g] = model.ratioQuantile(k + 1, forecast, probability(g));
                }
            }
        }
        return new Table(model.epsilon(), bounds, leads, classes, quantiles);
    }

    /**
     * The probability closest to g/200 whose position on the grid (p·200) is not below g, so that the model's
     * linear interpolation starts at grid point g.
     */
    private static double probability(int g) {
        double p = (double) g / INTERVALS;
        while (p * INTERVALS < g && p < 1) {
            p = Math.nextUp(p);
        }
        return p;
    }

    /**
     * Writes a table as text: {@code #} comment lines (the header given), then {@code key values…} lines and one line
     * per lead and class: the lead, the class, then the 201 ratio quantiles, with {@code digits} significant digits
     * (17 keeps every bit).
     */
    static String write(Table table, List<String> header, int digits) {
        StringBuilder text = new StringBuilder();
        for (String line : header) {
            text.append("# ").append(line).append('\n');
        }
        text.append(FORMAT).append('\n');
        text.append("epsilon ").append(number(table.epsilon(), 17)).append('\n');
        text.append("classBounds");
        for (double bound : table.classBounds()) {
            text.append(' ').append(number(bound, 17));
        }
        text.append('\n');
        text.append("leads ").append(table.leads()).append('\n');
        text.append("classes ").append(table.classes()).append('\n');
        text.append("grid ").append(GRID).append('\n');
        double[] quantiles = table.quantiles();
        for (int k = 0; k < table.leads(); k++) {
            for (int c = 0; c < table.classes(); c++) {
                text.append(k + 1).append(' ').append(c);
                for (int g = 0; g < GRID; g++) {
                    text.append(' ').append(number(quantiles[(k * table.classes() + c) * GRID + g], digits));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String number(double value, int digits) {
        if (digits >= 17) {
            return Double.toString(value);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%." + digits + "g", value)).stripTrailingZeros()
                .toPlainString();
    }

    /** Reads what {@link #write} wrote. */
    static Table read(Reader source) throws IOException {
        BufferedReader lines = new BufferedReader(source);
        double epsilon = Double.NaN;
        double[] bounds = null;
        int leads = -1;
        int classes = -1;
        List<double[]> rows = new ArrayList<>();
        boolean formatSeen = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+");
            try {
                switch (cells[0]) {
                    case "format" -> {
                        if (!line.equals(FORMAT)) {
                            throw new IOException("line " + number + ": unknown table format '" + line + "'");
                        }
                        formatSeen = true;
                    }
                    case "epsilon" -> epsilon = Double.parseDouble(cells[1]);
                    case "classBounds" -> bounds = parse(cells, 1);
                    case "leads" -> leads = Integer.parseInt(cells[1]);
                    case "classes" -> classes = Integer.parseInt(cells[1]);
                    case "grid" -> {
                        if (Integer.parseInt(cells[1]) != GRID) {
                            throw new IOException("line " + number + ": the grid must have " + GRID + " points");
                        }
                    }
                    default -> {
                        if (cells.length != GRID + 2) {
                            throw new IOException("line " + number + ": expected lead, class and " + GRID
                                    + " quantiles, got " + cells.length + " cells");
                        }
                        int lead = Integer.parseInt(cells[0]);
                        int flowClass = Integer.parseInt(cells[1]);
                        if (classes < 1 || lead != rows.size() / classes + 1 || flowClass != rows.size() % classes) {
                            throw new IOException("line " + number + ": rows must come lead by lead, class by class");
                        }
                        rows.add(parse(cells, 2));
                    }
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException("line " + number + ": " + e.getMessage(), e);
            }
        }
        if (!formatSeen || bounds == null || leads < 1 || rows.size() != leads * classes) {
            throw new IOException("incomplete uncertainty table: need format, epsilon, classBounds, leads, classes"
                    + " and " + Math.max(leads, 1) * Math.max(classes, 1) + " rows, got " + rows.size());
        }
        double[] quantiles = new double[leads * classes * GRID];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, quantiles, r * GRID, GRID);
        }
        return new Table(epsilon, bounds, leads, classes, quantiles);
    }

    private static double[] parse(String[] cells, int from) {
        double[] values = new double[cells.length - from];
        for (int i = from; i < cells.length; i++) {
            values[i - from] = Double.parseDouble(cells[i]);
        }
        return values;
    }
}
