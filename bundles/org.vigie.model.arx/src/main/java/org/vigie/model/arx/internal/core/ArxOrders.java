package org.vigie.model.arx.internal.core;

import java.util.Arrays;

/**
 * The structure of an ARX model
 * y(t) = c + Σ_{i=1..na} a_i·y(t − i) + Σ_j Σ_{k=nk_j..nk_j+nb_j−1} b_{j,k}·x_j(t − k).
 *
 * @param na autoregressive order: how many past values of the target
 * @param nb per exogenous input, how many lagged values (0: the input is not used)
 * @param nk per exogenous input, the delay of its first lagged value in steps (0: x_j(t) acts on y(t))
 */
public record ArxOrders(int na, int[] nb, int[] nk) {

    /** Largest order or delay accepted: two days of hourly steps. */
    public static final int MAX_ORDER = 48;

    public ArxOrders {
        nb = nb.clone();
        nk = nk.clone();
        if (nb.length != nk.length) {
            throw new IllegalArgumentException(nb.length + " input orders but " + nk.length + " delays");
        }
        check("na", na);
        for (int j = 0; j < nb.length; j++) {
            check("nb" + (j + 1), nb[j]);
            check("nk" + (j + 1), nk[j]);
        }
        if (na + Arrays.stream(nb).sum() == 0) {
            throw new IllegalArgumentException("an ARX model needs at least one regressor: na or an nb above 0");
        }
    }

    private static void check(String name, int value) {
        if (value < 0 || value > MAX_ORDER) {
            throw new IllegalArgumentException(name + " = " + value + " outside [0, " + MAX_ORDER + "]");
        }
    }

    @Override
    public int[] nb() {
        return nb.clone();
    }

    @Override
    public int[] nk() {
        return nk.clone();
    }

    /** @return the number of exogenous input slots */
    public int inputs() {
        return nb.length;
    }

    /** @return the order of input {@code j} */
    public int nb(int j) {
        return nb[j];
    }

    /** @return the delay of input {@code j} */
    public int nk(int j) {
        return nk[j];
    }

    /** @return 1 (intercept) + na + Σ nb */
    public int coefficientCount() {
        return 1 + na + Arrays.stream(nb).sum();
    }

    /** @return the oldest lag any regressor reaches back to */
    public int maxLag() {
        int lag = na;
        for (int j = 0; j < nb.length; j++) {
            if (nb[j] > 0) {
                lag = Math.max(lag, nk[j] + nb[j] - 1);
            }
        }
        return lag;
    }

    /**
     * The regressors of step {@code t}: 1, y(t−1)…y(t−na), then each input's lags.
     *
     * @param row receives the {@link #coefficientCount()} values
     */
    void regressors(double[] y, double[][] x, int t, double[] row) {
        int c = 0;
        row[c++] = 1;
        for (int i = 1; i <= na; i++) {
            row[c++] = y[t - i];
        }
        for (int j = 0; j < nb.length; j++) {
            for (int k = nk[j]; k < nk[j] + nb[j]; k++) {
                row[c++] = x[j][t - k];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArxOrders other && na == other.na && Arrays.equals(nb, other.nb)
                && Arrays.equals(nk, other.nk);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * na + Arrays.hashCode(nb)) + Arrays.hashCode(nk);
    }

    @Override
    public String toString() {
        return "ArxOrders[na=" + na + ", nb=" + Arrays.toString(nb) + ", nk=" + Arrays.toString(nk) + "]";
    }
}
