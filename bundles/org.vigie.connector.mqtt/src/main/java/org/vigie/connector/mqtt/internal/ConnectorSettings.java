package org.vigie.connector.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigie.api.Quality;
import org.vigie.api.Quantity;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * The configuration values of one connector instance, as plain data so that tests need no OSGi.
 *
 * @param name           the configuration's name ({@code levels} for {@code org.vigie.connector.mqtt-levels.config});
 *                       names the connector, its default client id and its rejected-messages file
 * @param publicPassword whether the configuration holds a {@code password} key (without the leading dot), which
 *                       would be published with the service's properties
 */
record ConnectorSettings(String name, String brokerUri, String clientId, String username, String password,
                         String topicFilter, int qos, boolean cleanSession, int keepAliveSeconds,
                         int connectionTimeoutSeconds, int maxReconnectDelaySeconds,
                         String valuePointer, String timePointer, String timeFormat,
                         String stationCode, String stationPointer, int stationTopicLevel, List<String> stations,
                         String quantity, String quantityPointer, String unit, List<String> units,
                         String qualityPointer, List<String> qualityMap, String rejectedFolder,
                         boolean publicPassword) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    ConnectorSettings {
        name = trim(name);
        brokerUri = trim(brokerUri);
        clientId = trim(clientId);
        username = trim(username);
        password = password == null ? "" : password;
        topicFilter = topicFilter == null ? "" : topicFilter;
        valuePointer = trim(valuePointer);
        timePointer = trim(timePointer);
        timeFormat = trim(timeFormat);
        stationCode = trim(stationCode);
        stationPointer = trim(stationPointer);
        stations = copy(stations);
        quantity = trim(quantity);
        quantityPointer = trim(quantityPointer);
        unit = trim(unit);
        units = copy(units);
        qualityPointer = trim(qualityPointer);
        qualityMap = copy(qualityMap);
        rejectedFolder = trim(rejectedFolder);
    }

    static ConnectorSettings of(MqttConnectorConfig config, String name) {
        return of(config, name, false);
    }

    static ConnectorSettings of(MqttConnectorConfig config, String name, boolean publicPassword) {
        return new ConnectorSettings(name, config.brokerUri(), config.clientId(), config.username(),
                config._password(), config.topicFilter(), config.qos(), config.cleanSession(),
                config.keepAliveSeconds(), config.connectionTimeoutSeconds(), config.maxReconnectDelaySeconds(),
                config.valuePointer(), config.timePointer(), config.timeFormat(), config.stationCode(),
                config.stationPointer(), config.stationTopicLevel(), list(config.stations()), config.quantity(),
                config.quantityPointer(), config.unit(), list(config.units()), config.qualityPointer(),
                list(config.qualityMap()), config.rejectedFolder(), publicPassword);
    }

    /** @return the configured client id, or {@code vigie-<name>} */
    String effectiveClientId() {
        return clientId.isEmpty() ? "vigie-" + safeName() : clientId;
    }

    /** @return the name with characters other than letters, digits, '-' and '_' replaced by '-' */
    String safeName() {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /**
     * Checks every value and resolves them.
     *
     * @param baseDirectory what a relative {@code rejectedFolder} is resolved against
     * @throws InvalidSettingsException listing every problem, each naming its configuration key
     */
    Resolved resolve(Path baseDirectory) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add("the configuration has no name");
        }
        URI broker = checkBrokerUri(problems);
        if (effectiveClientId().length() > 65_535) {
            problems.add("clientId is longer than 65535 characters");
        }
        if (publicPassword) {
            problems.add("write the password as .password (with the leading dot), so that it is not published with"
                    + " the service's properties");
        }
        if (!password.isEmpty() && username.isEmpty()) {
            problems.add(".password is set without a username (MQTT sends a password only with a user name)");
        }
        TopicFilter filter = null;
        if (topicFilter.isBlank()) {
            problems.add("topicFilter is blank");
        } else {
            try {
                filter = TopicFilter.parse(topicFilter);
            } catch (IllegalArgumentException e) {
                problems.add("topicFilter '" + topicFilter + "' is not a valid MQTT topic filter: " + e.getMessage());
            }
        }
        if (qos != 0 && qos != 1) {
            problems.add("qos must be 0 or 1, got " + qos + (qos == 2
                    ? " (QoS 2 is not supported: its redelivery after a restart needs client-side persistence; 1 is"
                    + " as safe here, the store ignores duplicates)" : ""));
        }
        if (keepAliveSeconds < 0) {
            problems.add("keepAliveSeconds must not be negative, got " + keepAliveSeconds);
        }
        if (connectionTimeoutSeconds <= 0) {
            problems.add("connectionTimeoutSeconds must be positive, got " + connectionTimeoutSeconds);
        }
        if (maxReconnectDelaySeconds <= 0) {
            problems.add("maxReconnectDelaySeconds must be positive, got " + maxReconnectDelaySeconds);
        }
        JsonPointer value = pointer("valuePointer", valuePointer, problems).orElse(JsonPointer.empty());
        Optional<JsonPointer> time = timePointer.isEmpty() ? Optional.empty()
                : pointer("timePointer", timePointer, problems);
        Optional<TimeFormat> format = TimeFormat.parse(timeFormat);
        if (format.isEmpty()) {
            problems.add("timeFormat '" + timeFormat + "' is unknown, expected iso, epoch-seconds or epoch-millis");
        }
        Optional<JsonPointer> stationAt = stationPointer.isEmpty() ? Optional.empty()
                : pointer("stationPointer", stationPointer, problems);
        checkStationSource(filter, problems);
        Map<String, String> stationMap = stationMap(problems);
        Optional<Quantity> fixedQuantity = Optional.empty();
        Optional<JsonPointer> quantityAt = quantityPointer.isEmpty() ? Optional.empty()
                : pointer("quantityPointer", quantityPointer, problems);
        if (!quantity.isEmpty() && !quantityPointer.isEmpty()) {
            problems.add("quantity and quantityPointer are exclusive, both are set");
        } else if (quantity.isEmpty() && quantityPointer.isEmpty()) {
            problems.add("no quantity: set quantity (H, Q, P, E or T) or quantityPointer");
        } else if (!quantity.isEmpty()) {
            try {
                fixedQuantity = Optional.of(Quantity.parse(quantity));
            } catch (IllegalArgumentException e) {
                problems.add("quantity: " + e.getMessage());
            }
        }
        Map<Quantity, ValueUnit> unitMap = unitMap(fixedQuantity, problems);
        Optional<JsonPointer> qualityAt = qualityPointer.isEmpty() ? Optional.empty()
                : pointer("qualityPointer", qualityPointer, problems);
        Map<String, Quality> qualities = qualityMap(problems);
        Path rejectedFile = null;
        if (rejectedFolder.isEmpty()) {
            problems.add("rejectedFolder is blank");
        } else {
            try {
                rejectedFile = baseDirectory.resolve(rejectedFolder).resolve(safeName() + ".jsonl").toAbsolutePath()
                        .normalize();
            } catch (InvalidPathException e) {
                problems.add("invalid rejectedFolder '" + rejectedFolder + "': " + e.getReason());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(String.join("; ", problems));
        }
        PayloadMapping mapping = new PayloadMapping(filter, value, time, format.orElseThrow(),
                stationCode.isEmpty() ? Optional.empty() : Optional.of(stationCode), stationAt, stationTopicLevel,
                stationMap, fixedQuantity, quantityAt, unitMap, qualityAt, qualities);
        return new Resolved(broker, effectiveClientId(), mapping, rejectedFile,
                Duration.ofSeconds(maxReconnectDelaySeconds));
    }

    private URI checkBrokerUri(List<String> problems) {
        if (brokerUri.isEmpty()) {
            problems.add("brokerUri is blank");
            return null;
        }
        try {
            URI uri = new URI(brokerUri);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (SCHEMES.contains(scheme) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("brokerUri '" + brokerUri + "' is not a broker URI; expected e.g. tcp://broker.example:1883,"
                + " ssl://broker.example:8883 or wss://broker.example/mqtt");
        return null;
    }

    private void checkStationSource(TopicFilter filter, List<String> problems) {
        List<String> sources = new ArrayList<>();
        if (!stationCode.isEmpty()) {
            sources.add("stationCode");
        }
        if (!stationPointer.isEmpty()) {
            sources.add("stationPointer");
        }
        if (stationTopicLevel >= 0) {
            sources.add("stationTopicLevel");
        }
        if (sources.isEmpty()) {
            problems.add("no station: set stationCode, stationPointer or stationTopicLevel");
        } else if (sources.size() > 1) {
            problems.add(String.join(", ", sources) + " are exclusive, set only one");
        }
        if (stationTopicLevel < -1) {
            problems.add("stationTopicLevel must be 0 or more (or -1 when unused), got " + stationTopicLevel);
        } else if (stationTopicLevel >= 0 && filter != null && !filter.isWildcardLevel(stationTopicLevel)) {
            problems.add("stationTopicLevel " + stationTopicLevel + " is "
                    + filter.level(stationTopicLevel).map(level -> "the fixed level '" + level + "'")
                    .orElse("beyond the last level") + " of topicFilter '" + filter
                    + "', expected a + level or one under # (levels count from 0)");
        }
        if (!stationCode.isEmpty() && !stations.isEmpty()) {
            problems.add("stations only applies to codes read from the payload or the topic, not to a fixed"
                    + " stationCode");
        }
    }

    private Map<String, String> stationMap(List<String> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : stations) {
            int equals = entry.indexOf('=');
            String key = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            String code = (equals < 0 ? entry : entry.substring(equals + 1)).trim();
            if (key.isEmpty() || code.isEmpty()) {
                problems.add("stations entry '" + entry + "' must be CODE or sensorId=CODE");
            } else if (map.containsKey(key) && !map.get(key).equals(code)) {
                problems.add("stations maps '" + key + "' twice");
            } else {
                map.put(key, code);
            }
        }
        return map;
    }

    private Map<Quantity, ValueUnit> unitMap(Optional<Quantity> fixedQuantity, List<String> problems) {
        Map<Quantity, ValueUnit> map = new EnumMap<>(Quantity.class);
        if (fixedQuantity.isPresent()) {
            if (!units.isEmpty()) {
                problems.add("units only applies with quantityPointer; for the fixed quantity use unit");
            }
            Quantity q = fixedQuantity.get();
            ValueUnit.parse(q, unit).ifPresentOrElse(u -> map.put(q, u), () -> problems.add("unit '" + unit
                    + "' is not a unit of " + q + ", expected one of " + ValueUnit.symbolsOf(q)));
            return map;
        }
        if (!unit.isEmpty() && !quantityPointer.isEmpty()) {
            problems.add("unit only applies to a fixed quantity; with quantityPointer use units, e.g. [\"H=cm\","
                    + " \"Q=l/s\"]");
        }
        for (String entry : units) {
            int equals = entry.indexOf('=');
            Quantity q;
            try {
                q = equals < 0 ? null : Quantity.parse(entry.substring(0, equals));
            } catch (IllegalArgumentException e) {
                q = null;
            }
            if (q == null) {
                problems.add("units entry '" + entry + "' must be QUANTITY=unit, e.g. H=cm");
                continue;
            }
            Quantity entryQuantity = q;
            ValueUnit.parse(q, entry.substring(equals + 1)).ifPresentOrElse(u -> map.put(entryQuantity, u),
                    () -> problems.add("units entry '" + entry + "': not a unit of " + entryQuantity
                            + ", expected one of " + ValueUnit.symbolsOf(entryQuantity)));
        }
        return map;
    }

    private Map<String, Quality> qualityMap(List<String> problems) {
        if (!qualityMap.isEmpty() && qualityPointer.isEmpty()) {
            problems.add("qualityMap is set without a qualityPointer");
        }
        Map<String, Quality> map = new HashMap<>();
        for (String entry : qualityMap) {
            int equals = entry.indexOf('=');
            try {
                if (equals <= 0) {
                    throw new IllegalArgumentException();
                }
                map.put(entry.substring(0, equals).trim(),
                        Quality.valueOf(entry.substring(equals + 1).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("qualityMap entry '" + entry + "' must be code=QUALITY with QUALITY one of "
                        + Arrays.toString(Quality.values()));
            }
        }
        return map;
    }

    private static Optional<JsonPointer> pointer(String key, String text, List<String> problems) {
        try {
            return Optional.of(JsonPointer.compile(text));
        } catch (IllegalArgumentException e) {
            problems.add(key + " '" + text + "' is not a JSON Pointer (it must start with '/', e.g. /value)");
            return Optional.empty();
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The password is never shown. */
    @Override
    public String toString() {
        return "ConnectorSettings[name=" + name + ", brokerUri=" + brokerUri + ", clientId=" + effectiveClientId()
                + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "****") + ", topicFilter="
                + topicFilter + ", qos=" + qos + ", cleanSession=" + cleanSession + "]";
    }

    /**
     * Settings turned into the objects the connector works with.
     *
     * @param rejectedFile where rejected messages are appended
     */
    record Resolved(URI brokerUri, String clientId, PayloadMapping mapping, Path rejectedFile,
                    Duration maxReconnectDelay) {
    }

    /** The settings cannot work; the message says why. */
    static final class InvalidSettingsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSettingsException(String message) {
            super(message);
        }
    }
}
