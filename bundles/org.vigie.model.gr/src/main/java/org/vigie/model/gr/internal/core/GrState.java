package org.vigie.model.gr.internal.core;

/**
 * The state of a GR model between two steps: store levels (mm) and unit-hydrograph contents (mm). Immutable:
 * arrays are copied in and out.
 */
public final class GrState {

    private final double production;
    private final double routing;
    private final double[] uh1;
    private final double[] uh2;

    public GrState(double production, double routing, double[] uh1, double[] uh2) {
        this.production = production;
        this.routing = routing;
        this.uh1 = uh1.clone();
        this.uh2 = uh2.clone();
    }

    /** @return production store level S (mm) */
    public double production() {
        return production;
    }

    /** @return routing store level R (mm) */
    public double routing() {
        return routing;
    }

    /** @return a copy of the contents of unit hydrograph 1 */
    public double[] uh1() {
        return uh1.clone();
    }

    /** @return a copy of the contents of unit hydrograph 2 */
    public double[] uh2() {
        return uh2.clone();
    }

    int uh1Length() {
        return uh1.length;
    }

    int uh2Length() {
        return uh2.length;
    }
}
