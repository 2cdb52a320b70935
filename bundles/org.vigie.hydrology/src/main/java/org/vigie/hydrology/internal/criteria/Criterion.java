package org.vigie.hydrology.internal.criteria;

/**
 * The efficiency criteria of airGR, with its optimisation convention: calibration minimises
 * {@code multiplier() × value}, so efficiencies (best value 1) carry -1 and errors carry +1.
 */
public enum Criterion {
    /** Nash-Sutcliffe efficiency ({@code ErrorCrit_NSE}). */
    NSE("NSE", -1),
    /** Kling-Gupta efficiency, Gupta et al. (2009) ({@code ErrorCrit_KGE}): sub-criteria r, alpha, beta. */
    KGE("KGE", -1),
    /** Modified Kling-Gupta efficiency KGE', Kling et al. (2012) ({@code ErrorCrit_KGE2}): r, gamma, beta. */
    KGE2("KGE2", -1),
    /** Root mean square error ({@code ErrorCrit_RMSE}), in the units of the transformed flows. */
    RMSE("RMSE", +1);

    private final String airGrName;
    private final int multiplier;

    Criterion(String airGrName, int multiplier) {
        this.airGrName = airGrName;
        this.multiplier = multiplier;
    }

    public String airGrName() {
        return airGrName;
    }

    /** airGR's {@code Multiplier}: -1 for efficiencies to maximise, +1 for errors to minimise. */
    public int multiplier() {
        return multiplier;
    }

    public boolean biggerIsBetter() {
        return multiplier < 0;
    }
}
