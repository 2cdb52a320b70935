package org.vigie.connector.hubeau.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.vigie.api.Observation;
import org.vigie.api.Provenance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one page of a Hub'Eau hydrometrie v2 {@code obs_elab} answer (elaborated observations, e.g. the daily mean
 * discharge {@code QmnJ}) and converts it at the border. Pure: no I/O, no clock, no state between calls.
 *
 * <ul>
 *   <li>Time: {@code date_obs_elab} is a calendar day ({@code 2026-08-01}); the value is stamped at the start of that
 *       day in UTC ({@code 2026-08-01T00:00:00Z}), the convention Vigie uses for values over a step (the step starts
 *       there) and the one Hydroportail's own QmnJ exports use ("Date (TU)" {@code 2026-08-01T00:00:00Z}).</li>
 *   <li>Value: {@code resultat_obs_elab} in l/s becomes m3/s (see {@link ElaboratedQuantity}).</li>
 *   <li>Source: {@code <source>:<grandeur_hydro_elab>}, e.g. {@code hubeau:QmnJ}. The source is part of an
 *       observation's identity, so a daily mean never overwrites, nor is taken for a duplicate of, a real-time
 *       value of the same station at the same instant (source {@code hubeau}).</li>
 *   <li>Quality from {@code code_qualification} as for real-time values ({@link HubEauResponseParser#qualityOf});
 *       method = {@code code_methode}; the reference keeps the day and Hub'Eau's raw codes:
 *       {@code obs_elab:2026-08-01;code_statut=12;code_qualification=20;date_prod=2026-08-27T21:45:40Z}.</li>
 * </ul>
 * Rows of another station, site-level rows ({@code code_station} null), rows of another {@code grandeur_hydro_elab}
 * and rows without a value or a readable day are skipped.
 */
final class ElaboratedResponseParser {

    static final String REFERENCE_PREFIX = "obs_elab:";

    private final String stationCode;
    private final String source;

    /** @param source the connector's source, e.g. {@code hubeau}; each series adds its code to it */
    ElaboratedResponseParser(String stationCode, String source) {
        this.stationCode = stationCode;
        this.source = source;
    }

    /** @return the provenance source of the values of {@code quantity}, e.g. {@code hubeau:QmnJ} */
    String sourceOf(ElaboratedQuantity quantity) {
        return source + ":" + quantity.code();
    }

    /**
     * @param quantity   the series that was asked for; rows of any other are skipped
     * @param receivedAt recorded as every observation's reception time
     * @throws MalformedResponseException when the body is not a complete Hub'Eau answer (e.g. truncated)
     */
    HubEauPage parse(String body, ElaboratedQuantity quantity, Instant receivedAt) throws MalformedResponseException {
        return HubEauResponseParser.readPage(body, row -> readRow(row, quantity, receivedAt));
    }

    private Optional<Observation> readRow(JsonNode row, ElaboratedQuantity quantity, Instant receivedAt) {
        if (!stationCode.equals(HubEauResponseParser.text(row, "code_station"))
                || !quantity.code().equals(HubEauResponseParser.text(row, "grandeur_hydro_elab"))) {
            return Optional.empty();
        }
        String day = HubEauResponseParser.text(row, "date_obs_elab");
        JsonNode result = row.get("resultat_obs_elab");
        if (day == null || result == null || !result.isNumber()) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        double value = quantity.toVigieUnit(result.doubleValue());
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        String method = HubEauResponseParser.text(row, "code_methode");
        return Optional.of(new Observation(stationCode, quantity.quantity(), time, value,
                HubEauResponseParser.qualityOf(row.get("code_qualification")),
                new Provenance(sourceOf(quantity), method == null ? "" : method, reference(row, day)), receivedAt));
    }

    /** @return e.g. {@code obs_elab:2026-08-01;code_statut=12;code_qualification=20;date_prod=…}, absent codes left out */
    private static String reference(JsonNode row, String day) {
        StringBuilder reference = new StringBuilder(REFERENCE_PREFIX).append(day);
        for (String field : new String[] {"code_statut", "code_qualification", "date_prod"}) {
            String value = HubEauResponseParser.text(row, field);
            if (value != null) {
                reference.append(';').append(field).append('=').append(value);
            }
        }
        return reference.toString();
    }
}
