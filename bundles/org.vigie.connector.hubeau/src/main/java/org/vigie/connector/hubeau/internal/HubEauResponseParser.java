package org.vigie.connector.hubeau.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one page of a Hub'Eau hydrometrie v2 {@code observations_tr} answer and converts it at the border: H from mm
 * to m, Q from l/s to m3/s. Pure: no I/O, no clock, no state between calls.
 *
 * <p>Quality comes from {@code code_qualification_obs} (Sandre codes): 20 "bonne" → {@link Quality#GOOD}, 30
 * "douteuse" → {@link Quality#DOUBTFUL}, 16 "non qualifiée" → {@link Quality#RAW} (delivered unchecked), 0
 * "inconnue", a missing code or any other code → {@link Quality#UNKNOWN}.
 */
final class HubEauResponseParser {

    /** Hub'Eau gives H in mm and Q in l/s; Vigie holds m and m3/s: both divide by a thousand. */
    private static final double HUBEAU_UNITS_PER_VIGIE_UNIT = 1000.0;

    static final String REFERENCE_PREFIX = "observations_tr:";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stationCode;
    private final String source;

    HubEauResponseParser(String stationCode, String source) {
        this.stationCode = stationCode;
        this.source = source;
    }

    /**
     * @param body       the response body
     * @param receivedAt recorded as every observation's reception time
     * @throws MalformedResponseException when the body is not a complete Hub'Eau answer (e.g. truncated)
     */
    HubEauPage parse(String body, Instant receivedAt) throws MalformedResponseException {
        return readPage(body, row -> readRow(row, receivedAt));
    }

    /**
     * Reads the envelope every Hub'Eau hydrometrie answer shares ({@code data} array, {@code next} cursor link),
     * leaving each row to {@code rowReader}.
     *
     * @param rowReader the observation of a row, or empty when the row is to be skipped
     * @throws MalformedResponseException when the body is not a complete Hub'Eau answer (e.g. truncated)
     */
    static HubEauPage readPage(String body, Function<JsonNode, Optional<Observation>> rowReader)
            throws MalformedResponseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("invalid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("expected a JSON object, got "
                    + (root == null || root.isMissingNode() ? "an empty body" : root.getNodeType()));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedResponseException("the answer has no 'data' array");
        }
        List<Observation> observations = new ArrayList<>(data.size());
        for (JsonNode row : data) {
            rowReader.apply(row).ifPresent(observations::add);
        }
        return new HubEauPage(observations, data.size(), data.size() - observations.size(), next(root));
    }

    /** @return the observation of the row, or empty when it belongs elsewhere or lacks a usable value */
    private Optional<Observation> readRow(JsonNode row, Instant receivedAt) {
        // Site-level rows repeat the station's values with a null code_station; only this station's own rows count.
        if (!stationCode.equals(text(row, "code_station"))) {
            return Optional.empty();
        }
        Quantity quantity;
        String grandeur = text(row, "grandeur_hydro");
        if ("H".equals(grandeur)) {
            quantity = Quantity.H;
        } else if ("Q".equals(grandeur)) {
            quantity = Quantity.Q;
        } else {
            return Optional.empty();
        }
        String dateText = text(row, "date_obs");
        JsonNode result = row.get("resultat_obs");
        if (dateText == null || result == null || !result.isNumber()) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(dateText).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        double value = result.doubleValue() / HUBEAU_UNITS_PER_VIGIE_UNIT;
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        JsonNode method = row.get("code_methode_obs");
        String methodCode = method == null || method.isNull() ? "" : method.asText();
        return Optional.of(new Observation(stationCode, quantity, time, value,
                qualityOf(row.get("code_qualification_obs")),
                new Provenance(source, methodCode, REFERENCE_PREFIX + dateText), receivedAt));
    }

    /** Maps a Sandre {@code code_qualification_obs}; see the class comment. */
    static Quality qualityOf(JsonNode code) {
        if (code == null || !code.canConvertToInt()) {
            return Quality.UNKNOWN;
        }
        return switch (code.intValue()) {
            case 20 -> Quality.GOOD;
            case 30 -> Quality.DOUBTFUL;
            case 16 -> Quality.RAW;
            default -> Quality.UNKNOWN;
        };
    }

    private static Optional<URI> next(JsonNode root) throws MalformedResponseException {
        String next = text(root, "next");
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(next));
        } catch (URISyntaxException e) {
            throw new MalformedResponseException("'next' is not a URL: " + next, e);
        }
    }

    /** @return the field as text, or null when it is absent or JSON null */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
