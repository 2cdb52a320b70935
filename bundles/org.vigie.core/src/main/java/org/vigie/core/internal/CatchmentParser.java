package org.vigie.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigie.api.Catchment;
import org.vigie.api.ForecastPoint;
import org.vigie.api.GeoPosition;
import org.vigie.api.Quantity;
import org.vigie.api.RatingCurve;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;

/**
 * Reads a catchment definition (the JSON format documented in {@code docs/catchment-format.md}); every error
 * names the file and the JSON path at fault.
 */
final class CatchmentParser {

    /** A catchment definition that cannot be used; its message says where and why. */
    static final class InvalidCatchmentException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidCatchmentException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String origin;

    private CatchmentParser(String origin) {
        this.origin = origin;
    }

    static Catchment parse(InputStream json, String origin) throws InvalidCatchmentException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidCatchmentException(origin + ": not valid JSON: " + e.getMessage());
        }
        return new CatchmentParser(origin).catchment(root);
    }

    private Catchment catchment(JsonNode root) throws InvalidCatchmentException {
        if (root == null || !root.isObject()) {
            throw invalid("$", "a JSON object is expected");
        }
        String id = text(root, "id", "$");
        List<Station> stations = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode stationNodes = array(root, "stations", "$");
        for (int i = 0; i < stationNodes.size(); i++) {
            Station station = station(stationNodes.get(i), "$.stations[" + i + "]");
            if (!codes.add(station.code())) {
                throw invalid("$.stations[" + i + "]", "station " + station.code() + " is defined twice");
            }
            stations.add(station);
        }
        List<Threshold> thresholds = new ArrayList<>();
        JsonNode thresholdNodes = root.path("thresholds");
        for (int i = 0; i < thresholdNodes.size(); i++) {
            thresholds.add(threshold(thresholdNodes.get(i), "$.thresholds[" + i + "]", codes));
        }
        List<ForecastPoint> points = new ArrayList<>();
        Set<String> pointIds = new HashSet<>();
        JsonNode pointNodes = root.path("forecastPoints");
        for (int i = 0; i < pointNodes.size(); i++) {
            ForecastPoint point = forecastPoint(pointNodes.get(i), "$.forecastPoints[" + i + "]", codes);
            if (!pointIds.add(point.id())) {
                throw invalid("$.forecastPoints[" + i + "]", "forecast point " + point.id() + " is defined twice");
            }
            points.add(point);
        }
        List<RatingCurve> curves = new ArrayList<>();
        JsonNode curveNodes = root.path("ratingCurves");
        for (int i = 0; i < curveNodes.size(); i++) {
            curves.add(ratingCurve(curveNodes.get(i), "$.ratingCurves[" + i + "]", codes));
        }
        List<GeoPosition> area = new ArrayList<>();
        JsonNode areaNode = root.path("area");
        for (int i = 0; i < areaNode.size(); i++) {
            JsonNode point = areaNode.get(i);
            String pointPath = "$.area[" + i + "]";
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw invalid(pointPath, "a [longitude, latitude] pair of numbers is expected");
            }
            try {
                area.add(new GeoPosition(point.get(0).asDouble(), point.get(1).asDouble()));
            } catch (IllegalArgumentException e) {
                throw invalid(pointPath, e.getMessage());
            }
        }
        if (area.size() > 1 && area.get(0).equals(area.get(area.size() - 1))) {
            area.remove(area.size() - 1); // a closed ring is accepted too
        }
        try {
            return new Catchment(id, root.path("name").asText(id), stations, thresholds, points, curves, area);
        } catch (IllegalArgumentException e) {
            throw invalid("$.area", e.getMessage());
        }
    }

    private RatingCurve ratingCurve(JsonNode node, String path, Set<String> codes) throws InvalidCatchmentException {
        String station = knownStation(node, path, codes);
        String validFrom = text(node, "validFrom", path);
        Instant from;
        try {
            from = Instant.parse(validFrom);
        } catch (DateTimeParseException e) {
            throw invalid(path + ".validFrom", "'" + validFrom + "' is not an ISO-8601 UTC instant");
        }
        List<RatingCurve.Segment> segments = new ArrayList<>();
        JsonNode segmentNodes = array(node, "segments", path);
        for (int i = 0; i < segmentNodes.size(); i++) {
            JsonNode s = segmentNodes.get(i);
            String segmentPath = path + ".segments[" + i + "]";
            try {
                segments.add(new RatingCurve.Segment(number(s, "fromLevel", segmentPath), number(s, "a", segmentPath),
                        number(s, "h0", segmentPath), number(s, "b", segmentPath)));
            } catch (IllegalArgumentException e) {
                throw invalid(segmentPath, e.getMessage());
            }
        }
        try {
            return new RatingCurve(station, from, segments, number(node, "maxGaugedLevel", path));
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private Station station(JsonNode node, String path) throws InvalidCatchmentException {
        String code = text(node, "code", path);
        try {
            JsonNode zero = node.path("gaugeZeroAltitude");
            return new Station(code, node.path("name").asText(code), node.path("river").asText(""),
                    new GeoPosition(number(node, "longitude", path), number(node, "latitude", path)), null,
                    zero.isNumber() ? zero.asDouble() : null);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private Threshold threshold(JsonNode node, String path, Set<String> codes) throws InvalidCatchmentException {
        String station = knownStation(node, path, codes);
        Quantity quantity;
        try {
            quantity = Quantity.parse(text(node, "quantity", path));
        } catch (IllegalArgumentException e) {
            throw invalid(path + ".quantity", e.getMessage());
        }
        VigilanceLevel level;
        try {
            level = VigilanceLevel.valueOf(text(node, "level", path).toUpperCase(Locale.ROOT));
            if (level == VigilanceLevel.GREEN) {
                throw new IllegalArgumentException("GREEN is the absence of a threshold");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(path + ".level", "'" + node.path("level").asText() + "' is not a vigilance level"
                    + " (levels: YELLOW, ORANGE, RED)");
        }
        Threshold.Kind kind = Threshold.Kind.LEVEL;
        if (!node.path("kind").isMissingNode()) {
            String k = text(node, "kind", path);
            kind = switch (k) {
                case "level" -> Threshold.Kind.LEVEL;
                case "rateOfRise" -> Threshold.Kind.RATE_OF_RISE;
                default -> throw invalid(path + ".kind", "'" + k + "' is not a threshold kind (level, rateOfRise)");
            };
        }
        double hysteresis = optionalNumber(node, "hysteresis", path, 0);
        if (!(hysteresis >= 0)) {
            throw invalid(path + ".hysteresis", "must be ≥ 0 (in the unit of value)");
        }
        Duration minDuration = node.path("minDuration").isMissingNode() ? Duration.ZERO
                : duration(node, "minDuration", path);
        if (minDuration.isNegative()) {
            throw invalid(path + ".minDuration", "must not be negative");
        }
        Duration rateWindow = node.path("rateWindow").isMissingNode() ? null : duration(node, "rateWindow", path);
        if (kind == Threshold.Kind.RATE_OF_RISE && rateWindow == null) {
            throw invalid(path + ".rateWindow", "a rateOfRise threshold needs its window, e.g. \"PT3H\"");
        }
        if (kind == Threshold.Kind.LEVEL && rateWindow != null) {
            throw invalid(path + ".rateWindow", "applies only to \"kind\": \"rateOfRise\"");
        }
        if (rateWindow != null && (rateWindow.isNegative() || rateWindow.isZero())) {
            throw invalid(path + ".rateWindow", "must be positive");
        }
        double probability = optionalNumber(node, "forecastProbability", path, 0);
        if (!(probability >= 0 && probability <= 1)) {
            throw invalid(path + ".forecastProbability", "must be a probability between 0 and 1");
        }
        Duration within = null;
        if (!node.path("forecastWithinHours").isMissingNode()) {
            double hours = number(node, "forecastWithinHours", path);
            if (!(hours > 0) || hours > 1e6) {
                throw invalid(path + ".forecastWithinHours", "must be a positive number of hours");
            }
            within = Duration.ofSeconds(Math.round(hours * 3600));
        }
        String localLevel = "";
        if (!node.path("localLevel").isMissingNode() && !node.path("localLevel").isNull()) {
            if (!node.path("localLevel").isTextual()) {
                throw invalid(path + ".localLevel", "must be the name of the local level, e.g. \"N2 – caves à vider\"");
            }
            localLevel = node.path("localLevel").asText().strip();
        }
        if (kind == Threshold.Kind.RATE_OF_RISE) {
            for (String field : new String[] {"minDuration", "forecastProbability", "forecastWithinHours",
                    "localLevel"}) {
                if (!node.path(field).isMissingNode()) {
                    throw invalid(path + "." + field, "applies only to level thresholds (a rate of rise is judged"
                            + " on observations over its rateWindow)");
                }
            }
        }
        try {
            return new Threshold(station, quantity, level, number(node, "value", path), node.path("label").asText(""),
                    kind, hysteresis, minDuration, rateWindow, probability, within, localLevel);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private ForecastPoint forecastPoint(JsonNode node, String path, Set<String> codes)
            throws InvalidCatchmentException {
        String station = knownStation(node, path, codes);
        Map<String, Double> parameters = new LinkedHashMap<>();
        JsonNode params = node.path("parameters");
        for (var it = params.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!field.getValue().isNumber()) {
                throw invalid(path + ".parameters." + field.getKey(), "a number is expected");
            }
            parameters.put(field.getKey(), field.getValue().asDouble());
        }
        Map<String, ForecastPoint.SeriesRef> inputs = new LinkedHashMap<>();
        JsonNode inputNodes = node.path("inputs");
        for (var it = inputNodes.fields(); it.hasNext(); ) {
            var field = it.next();
            String inputPath = path + ".inputs." + field.getKey();
            try {
                inputs.put(field.getKey(), new ForecastPoint.SeriesRef(knownStation(field.getValue(), inputPath, codes),
                        Quantity.parse(text(field.getValue(), "quantity", inputPath))));
            } catch (IllegalArgumentException e) {
                throw invalid(inputPath, e.getMessage());
            }
        }
        try {
            return new ForecastPoint(text(node, "id", path), station, Quantity.parse(text(node, "quantity", path)),
                    text(node, "model", path), duration(node, "step", path),
                    node.path("horizonSteps").asInt(0), duration(node, "history", path), parameters, inputs);
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private String knownStation(JsonNode node, String path, Set<String> codes) throws InvalidCatchmentException {
        String station = text(node, "station", path);
        if (!codes.contains(station)) {
            throw invalid(path + ".station", "station " + station + " is not among this catchment's stations");
        }
        return station;
    }

    private Duration duration(JsonNode node, String field, String path) throws InvalidCatchmentException {
        String text = text(node, field, path);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(path + "." + field, "'" + text + "' is not an ISO-8601 duration such as PT1H or P2D");
        }
    }

    private String text(JsonNode node, String field, String path) throws InvalidCatchmentException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(path + "." + field, "a non-empty string is required");
        }
        return value.asText().trim();
    }

    private double number(JsonNode node, String field, String path) throws InvalidCatchmentException {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw invalid(path + "." + field, "a number is required");
        }
        return value.asDouble();
    }

    private double optionalNumber(JsonNode node, String field, String path, double absent)
            throws InvalidCatchmentException {
        return node.path(field).isMissingNode() ? absent : number(node, field, path);
    }

    private JsonNode array(JsonNode node, String field, String path) throws InvalidCatchmentException {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw invalid(path + "." + field, "an array is required");
        }
        return value;
    }

    private InvalidCatchmentException invalid(String path, String why) {
        return new InvalidCatchmentException(origin + " at " + path + ": " + why);
    }
}
