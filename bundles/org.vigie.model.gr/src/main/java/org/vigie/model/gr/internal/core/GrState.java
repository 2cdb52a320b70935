package org.vigie.model.gr.internal.core;

import java.util.Arrays;

/**
 * The state of a GR model between two steps: store levels (mm) and unit-hydrograph contents (mm). Resuming a run
 * from the state it ended in gives the same numbers, bit for bit, as running on without stopping. Immutable:
 * arrays are copied in and out.
 */
public final class GrState {

    /** airGR's state vector: 4 stores, 3 unused slots, then UH1 (NH) and UH2 (2·NH). */
    private static final int AIRGR_STORE_SLOTS = 7;

    private final double production;
    private final double routing;
    private final double exponential;
    private final double interception;
    private final double[] uh1;
    private final double[] uh2;

    /**
     * @param production   production store level S (mm)
     * @param routing      routing store level R (mm)
     * @param exponential  GR6J's exponential store level (mm, may be negative); 0 for the other models
     * @param interception GR5H's interception store level (mm); 0 for the other models or without the store
     * @param uh1          contents of unit hydrograph 1 ({@link GrModel#uh1Length()} values, none for GR5J/GR5H)
     * @param uh2          contents of unit hydrograph 2 ({@link GrModel#uh2Length()} values)
     */
    public GrState(double production, double routing, double exponential, double interception, double[] uh1,
                   double[] uh2) {
        this(production, routing, exponential, interception, uh1.clone(), uh2.clone(), true);
    }

    /** A state of a model without exponential or interception store (GR4J, GR4H, GR5J, GR5H without Imax). */
    public GrState(double production, double routing, double[] uh1, double[] uh2) {
        this(production, routing, 0, 0, uh1.clone(), uh2.clone(), true);
    }

    /** Same as the four-argument constructor. */
    public static GrState of(double production, double routing, double[] uh1, double[] uh2) {
        return new GrState(production, routing, 0, 0, uh1, uh2);
    }

    /** Wraps arrays the caller gives up, without copying them. */
    static GrState adopt(double production, double routing, double exponential, double interception, double[] uh1,
                         double[] uh2) {
        return new GrState(production, routing, exponential, interception, uh1, uh2, true);
    }

    /** Keeps the arrays given; the flag only tells this constructor apart from the copying one. */
    private GrState(double production, double routing, double exponential, double interception, double[] uh1,
                    double[] uh2, boolean arraysAdopted) {
        this.production = production;
        this.routing = routing;
        this.exponential = exponential;
        this.interception = interception;
        this.uh1 = uh1;
        this.uh2 = uh2;
    }

    public double production() {
        return production;
    }

    public double routing() {
        return routing;
    }

    public double exponential() {
        return exponential;
    }

    public double interception() {
        return interception;
    }

    /** @return a copy of the contents of unit hydrograph 1 */
    public double[] uh1() {
        return uh1.clone();
    }

    /** @return a copy of the contents of unit hydrograph 2 */
    public double[] uh2() {
        return uh2.clone();
    }

    /**
     * @return all water held (mm): the four stores and the water still in transit in both unit hydrographs. The
     *         first slot of a hydrograph is the outflow of the step just run, water that has already left; the next
     *         step overwrites it.
     */
    public double totalStorage() {
        double total = production + routing + exponential + interception;
        for (int i = 1; i < uh1.length; i++) {
            total += uh1[i];
        }
        for (int i = 1; i < uh2.length; i++) {
            total += uh2[i];
        }
        return total;
    }

    /**
     * @return the state in airGR's {@code StateStart}/{@code StateEnd} layout: Prod, Rout, Exp, Int, three unused
     *         slots, UH1 (NH slots, zeros for GR5J/GR5H) and UH2 (2·NH slots)
     */
    public double[] toAirGrVector(GrModel model) {
        requireShape(model);
        int nh = model.unitHydrographBase();
        double[] vector = new double[AIRGR_STORE_SLOTS + 3 * nh];
        vector[0] = production;
        vector[1] = routing;
        vector[2] = exponential;
        vector[3] = interception;
        System.arraycopy(uh1, 0, vector, AIRGR_STORE_SLOTS, uh1.length);
        System.arraycopy(uh2, 0, vector, AIRGR_STORE_SLOTS + nh, uh2.length);
        return vector;
    }

    /** Reads airGR's state vector layout (see {@link #toAirGrVector}); NA slots must be given as 0. */
    public static GrState fromAirGrVector(GrModel model, double[] vector) {
        int nh = model.unitHydrographBase();
        if (vector.length != AIRGR_STORE_SLOTS + 3 * nh) {
            throw new IllegalArgumentException(model + " state vectors have " + (AIRGR_STORE_SLOTS + 3 * nh)
                    + " values, got " + vector.length);
        }
        return adopt(vector[0], vector[1], vector[2], vector[3],
                Arrays.copyOfRange(vector, AIRGR_STORE_SLOTS, AIRGR_STORE_SLOTS + model.uh1Length()),
                Arrays.copyOfRange(vector, AIRGR_STORE_SLOTS + nh, AIRGR_STORE_SLOTS + 3 * nh));
    }

    void requireShape(GrModel model) {
        if (uh1.length != model.uh1Length() || uh2.length != model.uh2Length()) {
            throw new IllegalArgumentException(model + " needs unit hydrograph states of " + model.uh1Length()
                    + " and " + model.uh2Length() + " values, got " + uh1.length + " and " + uh2.length);
        }
    }

    /** Copies the hydrograph contents into run buffers. */
    void copyUnitHydrographsInto(double[] uh1Buffer, double[] uh2Buffer) {
        System.arraycopy(uh1, 0, uh1Buffer, 0, uh1.length);
        System.arraycopy(uh2, 0, uh2Buffer, 0, uh2.length);
    }

    /** Bitwise equality, what "resuming gives the same run" means. */
    @Override
    public boolean equals(Object other) {
        return other instanceof GrState that
                && Double.compare(production, that.production) == 0
                && Double.compare(routing, that.routing) == 0
                && Double.compare(exponential, that.exponential) == 0
                && Double.compare(interception, that.interception) == 0
                && Arrays.equals(uh1, that.uh1) && Arrays.equals(uh2, that.uh2);
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(production);
        hash = 31 * hash + Double.hashCode(routing);
        hash = 31 * hash + Double.hashCode(exponential);
        hash = 31 * hash + Double.hashCode(interception);
        hash = 31 * hash + Arrays.hashCode(uh1);
        return 31 * hash + Arrays.hashCode(uh2);
    }

    @Override
    public String toString() {
        return "GrState[production=" + production + ", routing=" + routing + ", exponential=" + exponential
                + ", interception=" + interception + ", uh1=" + uh1.length + " slots, uh2=" + uh2.length
                + " slots]";
    }
}
