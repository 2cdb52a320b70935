package org.vigie.model.gr.internal.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step loops of the GR models. Each loop reproduces the order of operations of airGR's Fortran so that
 * rounding happens at the same places; the per-step work allocates nothing, and the state lives in locals and in
 * two hydrograph buffers owned by the run.
 */
final class GrKernels {

    /**
     * airGR declares its routing splits as double-precision parameters initialised from default-real literals
     * ({@code B=0.9}, {@code C=0.4}): the compiler rounds the literal to single precision first, so the shares are
     * 0.89999997615814209 and 0.40000000596046448, not 0.9 and 0.4.
     */
    static final double UH1_SHARE = (double) 0.9f;
    static final double EXPONENTIAL_STORE_SHARE = (double) 0.4f;

    /** tanh argument cap of airGR (beyond it tanh is 1 in double precision anyway) */
    private static final double MAX_TANH_ARGUMENT = 13.0;
    /** GR6J bounds AR = Exp/X6 to ±33 and switches to asymptotic forms of X6·ln(1+e^AR) beyond ±7 */
    private static final double EXPONENTIAL_RATIO_BOUND = 33.0;
    private static final double EXPONENTIAL_ASYMPTOTE = 7.0;

    private GrKernels() {
    }

    static GrRun run(GrParameters parameters, GrState start, double[] precipitation, double[] evaporation,
                     int from, int to, GrOutputs outputs) {
        GrModel model = parameters.model();
        int steps = to - from;
        List<String> names = model.outputNames();
        LinkedHashMap<String, double[]> kept = new LinkedHashMap<>();
        for (String name : names) {
            if (outputs == GrOutputs.ALL || outputs == GrOutputs.QSIM_ONLY && name.equals("Qsim")) {
                kept.put(name, new double[steps]);
            }
        }
        boolean all = outputs == GrOutputs.ALL;
        Buffers buffers = new Buffers(start, model);
        switch (model.kernel()) {
            case GR4 -> runGr4(parameters, buffers, precipitation, evaporation, from, to, kept, all);
            case GR5 -> runGr5(parameters, buffers, precipitation, evaporation, from, to, kept, all);
            case GR6 -> runGr6(parameters, buffers, precipitation, evaporation, from, to, kept, all);
        }
        return new GrRun(kept, buffers.toState(), steps);
    }

    /** The state of a run in progress; stores are written back only once, at the end of a loop. */
    private static final class Buffers {
        double production;
        double routing;
        double exponential;
        double interception;
        final double[] uh1;
        final double[] uh2;

        Buffers(GrState start, GrModel model) {
            production = start.production();
            routing = start.routing();
            exponential = start.exponential();
            interception = start.interception();
            uh1 = new double[model.uh1Length()];
            uh2 = new double[model.uh2Length()];
            start.copyUnitHydrographsInto(uh1, uh2);
        }

        GrState toState() {
            return GrState.adopt(production, routing, exponential, interception, uh1, uh2);
        }
    }

    private static void requireInputs(double p, double e, int index) {
        if (Double.isNaN(p) || Double.isNaN(e)) {
            throw new IllegalArgumentException("missing " + (Double.isNaN(p) ? "precipitation" : "evaporation")
                    + " at input index " + index + "; GR models need gap-free forcing");
        }
    }

    /** tanh(x) as airGR computes it, (e^2x − 1)/(e^2x + 1) with x capped at 13. */
    private static double tanhLikeAirGr(double x) {
        double w = x > MAX_TANH_ARGUMENT ? MAX_TANH_ARGUMENT : x;
        double e2w = Math.exp(2.0 * w);
        return (e2w - 1.0) / (e2w + 1.0);
    }

    /** Evaporation drawn from a production store at level s under unmet demand en. */
    private static double storeEvaporation(double s, double x1, double en) {
        double t = tanhLikeAirGr(en / x1);
        double ratio = s / x1;
        return s * (2.0 - ratio) * t / (1.0 + (1.0 - ratio) * t);
    }

    /** Part of net rainfall pn that enters a production store at level s. */
    private static double storeInfiltration(double s, double x1, double pn) {
        double t = tanhLikeAirGr(pn / x1);
        double ratio = s / x1;
        return x1 * (1.0 - ratio * ratio) * t / (1.0 + ratio * t);
    }

    /** Percolation s·(1 − (1 + (s/(k·X1))^4)^−¼), with k^4 given exactly. */
    private static double percolation(double s, double x1, double k4) {
        double r = s / x1;
        r *= r;
        r *= r;
        return s * (1.0 - 1.0 / Math.sqrt(Math.sqrt(1.0 + r / k4)));
    }

    /** Routing store outflow r·(1 − (1 + (r/X3)^4)^−¼). */
    private static double routingOutflow(double r, double x3) {
        double ratio = r / x3;
        ratio *= ratio;
        ratio *= ratio;
        return r * (1.0 - 1.0 / Math.sqrt(Math.sqrt(1.0 + ratio)));
    }

    /**
     * One step of a unit hydrograph: slots shift towards the outlet and receive their share of the input. Like
     * airGR, only the slots the time base can reach are shifted, and the last slot is always refilled.
     */
    private static void convolve(double[] contents, double[] ordinates, int reach, double input) {
        for (int j = 0; j < reach; j++) {
            contents[j] = contents[j + 1] + ordinates[j] * input;
        }
        int last = contents.length - 1;
        contents[last] = ordinates[last] * input;
    }

    /** GR4J and GR4H: 90 % of PR through UH1 to the routing store, 10 % through UH2; exchange X2·(R/X3)^3.5. */
    private static void runGr4(GrParameters x, Buffers state, double[] precipitation, double[] evaporation,
                               int from, int to, Map<String, double[]> out,
                               boolean all) {
        final double x1 = x.x(1);
        final double x2 = x.x(2);
        final double x3 = x.x(3);
        final double k4 = x.model().percolationConstant();
        final double[] ord1 = x.ordinatesUh1;
        final double[] ord2 = x.ordinatesUh2;
        final int reach1 = x.uh1Reach;
        final int reach2 = x.uh2Reach;
        final double[] uh1 = state.uh1;
        final double[] uh2 = state.uh2;
        final double uh2Share = 1.0 - UH1_SHARE;
        final double[] cPotEvap = out.get("PotEvap");
        final double[] cPrecip = out.get("Precip");
        final double[] cProd = out.get("Prod");
        final double[] cPn = out.get("Pn");
        final double[] cPs = out.get("Ps");
        final double[] cAE = out.get("AE");
        final double[] cPerc = out.get("Perc");
        final double[] cPR = out.get("PR");
        final double[] cQ9 = out.get("Q9");
        final double[] cQ1 = out.get("Q1");
        final double[] cRout = out.get("Rout");
        final double[] cExch = out.get("Exch");
        final double[] cAExch1 = out.get("AExch1");
        final double[] cAExch2 = out.get("AExch2");
        final double[] cAExch = out.get("AExch");
        final double[] cQR = out.get("QR");
        final double[] cQD = out.get("QD");
        final double[] qsimOut = out.get("Qsim");
        double prod = state.production;
        double rout = state.routing;
        for (int i = from; i < to; i++) {
            double p = precipitation[i];
            double e = evaporation[i];
            requireInputs(p, e, i);
            double pn;
            double ps;
            double ae;
            double pr;
            if (p <= e) {
                pn = 0;
                double er = storeEvaporation(prod, x1, e - p);
                ae = er + p;
                prod -= er;
                ps = 0;
                pr = 0;
            } else {
                ae = e;
                pn = p - e;
                ps = storeInfiltration(prod, x1, pn);
                pr = pn - ps;
                prod += ps;
            }
            if (prod < 0) {
                prod = 0;
            }
            double perc = percolation(prod, x1, k4);
            prod -= perc;
            pr += perc;

            convolve(uh1, ord1, reach1, pr * UH1_SHARE);
            convolve(uh2, ord2, reach2, pr * uh2Share);

            double rr = rout / x3;
            double exch = x2 * rr * rr * rr * Math.sqrt(rr);
            double q9 = uh1[0];
            double aexch1 = rout + q9 + exch < 0 ? -rout - q9 : exch;
            rout = rout + q9 + exch;
            if (rout < 0) {
                rout = 0;
            }
            double qr = routingOutflow(rout, x3);
            rout -= qr;
            double q1 = uh2[0];
            double aexch2 = q1 + exch < 0 ? -q1 : exch;
            double qd = Math.max(0.0, q1 + exch);
            double q = qr + qd;
            if (q < 0) {
                q = 0;
            }
            int k = i - from;
            if (qsimOut != null) {
                qsimOut[k] = q;
            }
            if (all) {
                cPotEvap[k] = e;
                cPrecip[k] = p;
                cProd[k] = prod;
                cPn[k] = pn;
                cPs[k] = ps;
                cAE[k] = ae;
                cPerc[k] = perc;
                cPR[k] = pr;
                cQ9[k] = q9;
                cQ1[k] = q1;
                cRout[k] = rout;
                cExch[k] = exch;
                cAExch1[k] = aexch1;
                cAExch2[k] = aexch2;
                cAExch[k] = aexch1 + aexch2;
                cQR[k] = qr;
                cQD[k] = qd;
            }
        }
        state.production = prod;
        state.routing = rout;
    }

    /**
     * GR5J and GR5H: one hydrograph (UH2) for all effective rainfall, split 90/10 at its outlet; exchange
     * X2·(R/X3 − X5). GR5H's optional interception store takes evaporation first and passes only its overflow on.
     */
    private static void runGr5(GrParameters x, Buffers state, double[] precipitation, double[] evaporation,
                               int from, int to, Map<String, double[]> out,
                               boolean all) {
        final double x1 = x.x(1);
        final double x2 = x.x(2);
        final double x3 = x.x(3);
        final double x5 = x.x(5);
        final double k4 = x.model().percolationConstant();
        final double[] ord2 = x.ordinatesUh2;
        final int reach2 = x.uh2Reach;
        final double[] uh2 = state.uh2;
        final double directShare = 1.0 - UH1_SHARE;
        final boolean intercepting = x.hasInterceptionStore();
        final double imax = x.rawInterceptionCapacity();
        final double[] cPotEvap = out.get("PotEvap");
        final double[] cPrecip = out.get("Precip");
        final double[] cProd = out.get("Prod");
        final double[] cPn = out.get("Pn");
        final double[] cPs = out.get("Ps");
        final double[] cAE = out.get("AE");
        final double[] cPerc = out.get("Perc");
        final double[] cPR = out.get("PR");
        final double[] cQ9 = out.get("Q9");
        final double[] cQ1 = out.get("Q1");
        final double[] cRout = out.get("Rout");
        final double[] cExch = out.get("Exch");
        final double[] cAExch1 = out.get("AExch1");
        final double[] cAExch2 = out.get("AExch2");
        final double[] cAExch = out.get("AExch");
        final double[] cQR = out.get("QR");
        final double[] cQD = out.get("QD");
        final double[] cInterc = out.get("Interc");
        final double[] cEI = out.get("EI");
        final double[] cES = out.get("ES");
        final double[] qsimOut = out.get("Qsim");
        double prod = state.production;
        double rout = state.routing;
        double interc = state.interception;
        for (int i = from; i < to; i++) {
            double p = precipitation[i];
            double e = evaporation[i];
            requireInputs(p, e, i);
            double pn;
            double ps;
            double ae;
            double pr;
            double ei;
            double es;
            if (intercepting) {
                ei = Math.min(e, p + interc);
                pn = Math.max(0.0, p - (imax - interc) - ei);
                interc = interc + p - ei - pn;
                double en = Math.max(0.0, e - ei);
                if (en > 0) {
                    es = storeEvaporation(prod, x1, en);
                    prod -= es;
                    ae = es + ei;
                } else {
                    ae = ei;
                    es = 0;
                }
                if (pn > 0) {
                    ps = storeInfiltration(prod, x1, pn);
                    pr = pn - ps;
                    prod += ps;
                } else {
                    ps = 0;
                    pr = 0;
                }
            } else if (p <= e) {
                pn = 0;
                es = storeEvaporation(prod, x1, e - p);
                ae = es + p;
                ei = p;
                prod -= es;
                ps = 0;
                pr = 0;
            } else {
                es = 0;
                ae = e;
                ei = e;
                pn = p - e;
                ps = storeInfiltration(prod, x1, pn);
                pr = pn - ps;
                prod += ps;
            }
            if (prod < 0) {
                prod = 0;
            }
            double perc = percolation(prod, x1, k4);
            prod -= perc;
            pr += perc;

            convolve(uh2, ord2, reach2, pr);
            double q9 = uh2[0] * UH1_SHARE;
            double q1 = uh2[0] * directShare;

            double exch = x2 * (rout / x3 - x5);
            double aexch1 = rout + q9 + exch < 0 ? -rout - q9 : exch;
            rout = rout + q9 + exch;
            if (rout < 0) {
                rout = 0;
            }
            double qr = routingOutflow(rout, x3);
            rout -= qr;
            double aexch2 = q1 + exch < 0 ? -q1 : exch;
            double qd = Math.max(0.0, q1 + exch);
            double q = qr + qd;
            if (q < 0) {
                q = 0;
            }
            int k = i - from;
            if (qsimOut != null) {
                qsimOut[k] = q;
            }
            if (all) {
                cPotEvap[k] = e;
                cPrecip[k] = p;
                cProd[k] = prod;
                cPn[k] = pn;
                cPs[k] = ps;
                cAE[k] = ae;
                cPerc[k] = perc;
                cPR[k] = pr;
                cQ9[k] = q9;
                cQ1[k] = q1;
                cRout[k] = rout;
                cExch[k] = exch;
                cAExch1[k] = aexch1;
                cAExch2[k] = aexch2;
                cAExch[k] = aexch1 + aexch2;
                cQR[k] = qr;
                cQD[k] = qd;
                // GR5H reports its interception fluxes, GR5J has no such columns
                if (cInterc != null) {
                    cInterc[k] = interc;
                    cEI[k] = ei;
                    cES[k] = es;
                }
            }
        }
        state.production = prod;
        state.routing = rout;
        state.interception = interc;
    }

    /**
     * GR6J: GR4J's two hydrographs, with 40 % of the UH1 outflow going to an exponential store emptied by
     * X6·ln(1 + e^(Exp/X6)); the exchange X2·(R/X3 − X5) acts on the routing store, the direct branch and the
     * exponential store.
     */
    private static void runGr6(GrParameters x, Buffers state, double[] precipitation, double[] evaporation,
                               int from, int to, Map<String, double[]> out,
                               boolean all) {
        final double x1 = x.x(1);
        final double x2 = x.x(2);
        final double x3 = x.x(3);
        final double x5 = x.x(5);
        final double x6 = x.x(6);
        final double k4 = x.model().percolationConstant();
        final double[] ord1 = x.ordinatesUh1;
        final double[] ord2 = x.ordinatesUh2;
        final int reach1 = x.uh1Reach;
        final int reach2 = x.uh2Reach;
        final double[] uh1 = state.uh1;
        final double[] uh2 = state.uh2;
        final double uh2Share = 1.0 - UH1_SHARE;
        // airGR writes (1-C) with an integer 1: the difference is taken in double from the single-precision C
        final double routingShare = 1 - EXPONENTIAL_STORE_SHARE;
        final double[] cPotEvap = out.get("PotEvap");
        final double[] cPrecip = out.get("Precip");
        final double[] cProd = out.get("Prod");
        final double[] cPn = out.get("Pn");
        final double[] cPs = out.get("Ps");
        final double[] cAE = out.get("AE");
        final double[] cPerc = out.get("Perc");
        final double[] cPR = out.get("PR");
        final double[] cQ9 = out.get("Q9");
        final double[] cQ1 = out.get("Q1");
        final double[] cRout = out.get("Rout");
        final double[] cExch = out.get("Exch");
        final double[] cAExch1 = out.get("AExch1");
        final double[] cAExch2 = out.get("AExch2");
        final double[] cAExch = out.get("AExch");
        final double[] cQR = out.get("QR");
        final double[] cQD = out.get("QD");
        final double[] cQRExp = out.get("QRExp");
        final double[] cExp = out.get("Exp");
        final double[] qsimOut = out.get("Qsim");
        double prod = state.production;
        double rout = state.routing;
        double exp = state.exponential;
        for (int i = from; i < to; i++) {
            double p = precipitation[i];
            double e = evaporation[i];
            requireInputs(p, e, i);
            double pn;
            double ps;
            double ae;
            double pr;
            if (p <= e) {
                pn = 0;
                double er = storeEvaporation(prod, x1, e - p);
                ae = er + p;
                prod -= er;
                ps = 0;
                pr = 0;
            } else {
                ae = e;
                pn = p - e;
                ps = storeInfiltration(prod, x1, pn);
                pr = pn - ps;
                prod += ps;
            }
            if (prod < 0) {
                prod = 0;
            }
            double perc = percolation(prod, x1, k4);
            prod -= perc;
            pr += perc;

            convolve(uh1, ord1, reach1, pr * UH1_SHARE);
            convolve(uh2, ord2, reach2, pr * uh2Share);
            double q9 = uh1[0];
            double q1 = uh2[0];

            double exch = x2 * (rout / x3 - x5);
            double aexch1 = rout + routingShare * q9 + exch < 0 ? -rout - routingShare * q9 : exch;
            rout = rout + routingShare * q9 + exch;
            if (rout < 0) {
                rout = 0;
            }
            double qr = routingOutflow(rout, x3);
            rout -= qr;

            exp = exp + EXPONENTIAL_STORE_SHARE * q9 + exch;
            double ar = exp / x6;
            if (ar > EXPONENTIAL_RATIO_BOUND) {
                ar = EXPONENTIAL_RATIO_BOUND;
            }
            if (ar < -EXPONENTIAL_RATIO_BOUND) {
                ar = -EXPONENTIAL_RATIO_BOUND;
            }
            double qrExp;
            if (ar > EXPONENTIAL_ASYMPTOTE) {
                qrExp = exp + x6 / Math.exp(ar);
            } else if (ar < -EXPONENTIAL_ASYMPTOTE) {
                qrExp = x6 * Math.exp(ar);
            } else {
                qrExp = x6 * Math.log(Math.exp(ar) + 1.0);
            }
            exp -= qrExp;

            double aexch2 = q1 + exch < 0 ? -q1 : exch;
            double qd = Math.max(0.0, q1 + exch);
            double q = qr + qd + qrExp;
            if (q < 0) {
                q = 0;
            }
            int k = i - from;
            if (qsimOut != null) {
                qsimOut[k] = q;
            }
            if (all) {
                cPotEvap[k] = e;
                cPrecip[k] = p;
                cProd[k] = prod;
                cPn[k] = pn;
                cPs[k] = ps;
                cAE[k] = ae;
                cPerc[k] = perc;
                cPR[k] = pr;
                cQ9[k] = q9;
                cQ1[k] = q1;
                cRout[k] = rout;
                cExch[k] = exch;
                cAExch1[k] = aexch1;
                cAExch2[k] = aexch2;
                // the exponential store takes the potential exchange in full, hence the third term
                cAExch[k] = aexch1 + aexch2 + exch;
                cQR[k] = qr;
                cQRExp[k] = qrExp;
                cExp[k] = exp;
                cQD[k] = qd;
            }
        }
        state.production = prod;
        state.routing = rout;
        state.exponential = exp;
    }
}
