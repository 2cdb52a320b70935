package org.vigie.connector.hubeau.internal;

import java.util.Locale;
import java.util.Optional;

import org.vigie.api.Quantity;

/**
 * The Hub'Eau {@code obs_elab} series ({@code grandeur_hydro_elab}) this connector reads, with the Vigie quantity each
 * becomes and the conversion at the border.
 *
 * <p>Only {@code QmnJ} is supported: it is the one whose answers are recorded in the shared fixtures, so its unit
 * (l/s) and date form ({@code date_obs_elab} = a calendar day) are checked. Monthly means ({@code QmM}) would also be
 * Q but one value per month; adding them needs a recorded answer first.
 */
enum ElaboratedQuantity {

    /** Débit moyen journalier: the mean discharge over one UTC day, in l/s; stored as Q in m3/s. */
    QMNJ("QmnJ", Quantity.Q, 1000.0);

    private final String code;
    private final Quantity quantity;
    private final double hubEauUnitsPerVigieUnit;

    ElaboratedQuantity(String code, Quantity quantity, double hubEauUnitsPerVigieUnit) {
        this.code = code;
        this.quantity = quantity;
        this.hubEauUnitsPerVigieUnit = hubEauUnitsPerVigieUnit;
    }

    /** @return the Hub'Eau {@code grandeur_hydro_elab} code, e.g. {@code QmnJ} */
    String code() {
        return code;
    }

    /** @return the Vigie quantity the values are stored as */
    Quantity quantity() {
        return quantity;
    }

    /** @return a Hub'Eau value converted to the unit of {@link #quantity()} */
    double toVigieUnit(double hubEauValue) {
        return hubEauValue / hubEauUnitsPerVigieUnit;
    }

    /** @return the series named {@code code} (case and surrounding blanks ignored), if supported */
    static Optional<ElaboratedQuantity> parse(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (ElaboratedQuantity candidate : values()) {
            if (candidate.code.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return the supported codes, e.g. {@code QmnJ}, for messages */
    static String supportedCodes() {
        StringBuilder codes = new StringBuilder();
        for (ElaboratedQuantity candidate : values()) {
            codes.append(codes.length() == 0 ? "" : ", ").append(candidate.code);
        }
        return codes.toString();
    }

    @Override
    public String toString() {
        return code;
    }
}
