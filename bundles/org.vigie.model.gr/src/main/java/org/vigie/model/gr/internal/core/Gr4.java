package org.vigie.model.gr.internal.core;

import java.util.Arrays;

/**
 * GR4J (daily) and GR4H (hourly): production store, percolation, two unit hydrographs, groundwater exchange and a
 * non-linear routing store (Perrin et al. 2003; Mathevet 2005 for the hourly version). The arithmetic follows
 * airGR's Fortran cores operation for operation so that results agree to the last digits, including its
 * single-precision 0.9 split of effective rainfall.
 *
 * <p>Equations, symbols and units: {@code docs/models/gr.md}. Instances are immutable and thread-safe; a run
 * allocates its outputs and a working copy of the state, nothing per step.
 */
public final class Gr4 {

    /** The two time steps of the model. */
    public enum Variant {
        /** Daily: X4 in days, UH exponent 2.5, percolation scale 9/4. */
        GR4J(20, 2.5, 25.62890625),
        /** Hourly: X4 in hours, UH exponent 1.25, percolation scale 21/4. */
        GR4H(480, 1.25, 759.69140625);

        final int unitHydrographLength;
        final double unitHydrographExponent;
        /** (scale)^4 of the percolation law: (9/4)^4 daily, (21/4)^4 hourly. */
        final double percolationScale4;

        Variant(int unitHydrographLength, double unitHydrographExponent, double percolationScale4) {
            this.unitHydrographLength = unitHydrographLength;
            this.unitHydrographExponent = unitHydrographExponent;
            this.percolationScale4 = percolationScale4;
        }
    }

    /** airGR declares the split as a double parameter initialised from the single-precision literal 0.9. */
    static final double UH1_SHARE = (double) 0.9f;

    /** airGR's lower bounds on X1 and X3 (mm) and X4 (steps): smaller values are raised to them. */
    static final double MIN_STORE_CAPACITY = 1e-2;
    static final double MIN_UH_TIME_BASE = 0.5;

    /** Output series, in airGR's order and with its names. */
    public static final String[] OUTPUTS = {"PotEvap", "Precip", "Prod", "Pn", "Ps", "AE", "Perc", "PR", "Q9", "Q1",
        "Rout", "Exch", "AExch1", "AExch2", "AExch", "QR", "QD", "Qsim"};

    private final Variant variant;
    private final double x1;
    private final double x2;
    private final double x3;
    private final double x4;
    private final double[] ordinatesUh1;
    private final double[] ordinatesUh2;
    private final int uh1Steps;
    private final int uh2Steps;

    /**
     * @param x1 production store capacity (mm)
     * @param x2 groundwater exchange coefficient (mm per step)
     * @param x3 routing store capacity (mm)
     * @param x4 unit hydrograph time base (steps: days for GR4J, hours for GR4H)
     */
    public Gr4(Variant variant, double x1, double x2, double x3, double x4) {
        for (double x : new double[] {x1, x2, x3, x4}) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("GR parameters must be finite: " + x1 + ", " + x2 + ", " + x3 + ", " + x4);
            }
        }
        this.variant = variant;
        this.x1 = Math.max(x1, MIN_STORE_CAPACITY);
        this.x2 = x2;
        this.x3 = Math.max(x3, MIN_STORE_CAPACITY);
        this.x4 = Math.max(x4, MIN_UH_TIME_BASE);
        int nh = variant.unitHydrographLength;
        double d = variant.unitHydrographExponent;
        ordinatesUh1 = new double[nh];
        ordinatesUh2 = new double[2 * nh];
        for (int i = 1; i <= nh; i++) {
            ordinatesUh1[i - 1] = sCurve1(i, this.x4, d) - sCurve1(i - 1, this.x4, d);
        }
        for (int i = 1; i <= 2 * nh; i++) {
            ordinatesUh2[i - 1] = sCurve2(i, this.x4, d) - sCurve2(i - 1, this.x4, d);
        }
        // airGR only shifts the part of the hydrographs the time base can reach
        int reach = (int) (this.x4 + 1.0);
        uh1Steps = Math.max(1, Math.min(nh - 1, reach));
        uh2Steps = Math.max(1, Math.min(2 * nh - 1, 2 * reach));
    }

    static double sCurve1(int i, double c, double d) {
        if (i <= 0) {
            return 0;
        }
        return i < c ? Math.pow(i / c, d) : 1;
    }

    static double sCurve2(int i, double c, double d) {
        if (i <= 0) {
            return 0;
        }
        if (i <= c) {
            return 0.5 * Math.pow(i / c, d);
        }
        return i < 2 * c ? 1 - 0.5 * Math.pow(2 - i / c, d) : 1;
    }

    public Variant variant() {
        return variant;
    }

    /** @return the parameters actually used (after airGR's lower bounds) */
    public double[] parameters() {
        return new double[] {x1, x2, x3, x4};
    }

    /** airGR's default initial state: production store 0.3·X1, routing store 0.5·X3, empty unit hydrographs. */
    public GrState initialState() {
        return new GrState(0.3 * x1, 0.5 * x3, new double[variant.unitHydrographLength],
                new double[2 * variant.unitHydrographLength]);
    }

    /**
     * Runs the model over {@code [from, to)} of the forcing arrays.
     *
     * @param precipitation rainfall per step (mm)
     * @param evaporation   potential evapotranspiration per step (mm)
     * @param keepOutputs   whether to keep every flux and state (otherwise only Qsim, faster for calibration)
     */
    public GrRun run(GrState start, double[] precipitation, double[] evaporation, int from, int to,
                     boolean keepOutputs) {
        checkState(start);
        if (from < 0 || to > precipitation.length || to > evaporation.length || from > to) {
            throw new IllegalArgumentException("run range [" + from + ", " + to + ") outside the inputs ("
                    + precipitation.length + " P, " + evaporation.length + " E)");
        }
        int n = to - from;
        double[][] out = new double[keepOutputs ? OUTPUTS.length : 1][n];
        double[] qsim = keepOutputs ? out[17] : out[0];
        double prod = start.production();
        double rout = start.routing();
        double[] uh1 = start.uh1();
        double[] uh2 = start.uh2();
        int nh = variant.unitHydrographLength;
        double oneMinusShare = 1.0 - UH1_SHARE;
        for (int k = 0; k < n; k++) {
            double p = precipitation[from + k];
            double e = evaporation[from + k];
            if (Double.isNaN(p) || Double.isNaN(e)) {
                throw new IllegalArgumentException("missing P or E at input index " + (from + k));
            }
            double pn;
            double ps;
            double ae;
            double pr;
            if (p <= e) {
                pn = 0;
                double ws = Math.min((e - p) / x1, 13.0);
                double expWs = Math.exp(2.0 * ws);
                double tws = (expWs - 1.0) / (expWs + 1.0);
                double sr = prod / x1;
                double er = prod * (2.0 - sr) * tws / (1.0 + (1.0 - sr) * tws);
                ae = er + p;
                prod -= er;
                ps = 0;
                pr = 0;
            } else {
                ae = e;
                pn = p - e;
                double ws = Math.min(pn / x1, 13.0);
                double expWs = Math.exp(2.0 * ws);
                double tws = (expWs - 1.0) / (expWs + 1.0);
                double sr = prod / x1;
                ps = x1 * (1.0 - sr * sr) * tws / (1.0 + sr * tws);
                pr = pn - ps;
                prod += ps;
            }
            if (prod < 0) {
                prod = 0;
            }
            double s4 = prod / x1;
            s4 *= s4;
            s4 *= s4;
            double perc = prod * (1.0 - 1.0 / Math.sqrt(Math.sqrt(1.0 + s4 / variant.percolationScale4)));
            prod -= perc;
            pr += perc;

            double toUh1 = pr * UH1_SHARE;
            double toUh2 = pr * oneMinusShare;
            for (int j = 0; j < uh1Steps; j++) {
                uh1[j] = uh1[j + 1] + ordinatesUh1[j] * toUh1;
            }
            uh1[nh - 1] = ordinatesUh1[nh - 1] * toUh1;
            for (int j = 0; j < uh2Steps; j++) {
                uh2[j] = uh2[j + 1] + ordinatesUh2[j] * toUh2;
            }
            uh2[2 * nh - 1] = ordinatesUh2[2 * nh - 1] * toUh2;

            double rr = rout / x3;
            double exch = x2 * rr * rr * rr * Math.sqrt(rr);
            double q9 = uh1[0];
            double aexch1 = rout + q9 + exch < 0 ? -rout - q9 : exch;
            rout = rout + q9 + exch;
            if (rout < 0) {
                rout = 0;
            }
            double r4 = rout / x3;
            r4 *= r4;
            r4 *= r4;
            double qr = rout * (1.0 - 1.0 / Math.sqrt(Math.sqrt(1.0 + r4)));
            rout -= qr;
            double q1 = uh2[0];
            double aexch2 = q1 + exch < 0 ? -q1 : exch;
            double qd = Math.max(0.0, q1 + exch);
            double q = qr + qd;
            if (q < 0) {
                q = 0;
            }
            qsim[k] = q;
            if (keepOutputs) {
                out[0][k] = e;
                out[1][k] = p;
                out[2][k] = prod;
                out[3][k] = pn;
                out[4][k] = ps;
                out[5][k] = ae;
                out[6][k] = perc;
                out[7][k] = pr;
                out[8][k] = q9;
                out[9][k] = q1;
                out[10][k] = rout;
                out[11][k] = exch;
                out[12][k] = aexch1;
                out[13][k] = aexch2;
                out[14][k] = aexch1 + aexch2;
                out[15][k] = qr;
                out[16][k] = qd;
            }
        }
        return new GrRun(keepOutputs ? OUTPUTS : new String[] {"Qsim"}, out,
                new GrState(prod, rout, uh1, uh2));
    }

    private void checkState(GrState state) {
        int nh = variant.unitHydrographLength;
        if (state.uh1Length() != nh || state.uh2Length() != 2 * nh) {
            throw new IllegalArgumentException(variant + " needs unit hydrograph states of " + nh + " and " + 2 * nh
                    + " values, got " + state.uh1Length() + " and " + state.uh2Length());
        }
    }

    @Override
    public String toString() {
        return variant + Arrays.toString(parameters());
    }
}
