package org.vigie.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.mqtt.internal.TestSettings.settings;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

    private static final Path HOME = Path.of("/opt/vigie");

    private static String problems(ConnectorSettings settings) {
        return assertThrows(ConnectorSettings.InvalidSettingsException.class, () -> settings.resolve(HOME))
                .getMessage();
    }

    private static ConnectorSettings valid(Object... more) {
        Object[] base = {"brokerUri", "tcp://broker.example:1883", "topicFilter", "vigie/sensors/+/level",
                "stationTopicLevel", 2, "quantity", "H"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return settings("levels", all);
    }

    @Test
    void defaultsGiveAPersistentQos1SessionUnderAClientIdDerivedFromTheName() throws Exception {
        ConnectorSettings settings = valid();
        ConnectorSettings.Resolved resolved = settings.resolve(HOME);

        assertEquals(1, settings.qos());
        assertFalse(settings.cleanSession());
        assertEquals("vigie-levels", resolved.clientId());
        assertEquals(HOME.resolve("data/mqtt-rejected/levels.jsonl"), resolved.rejectedFile());
        assertEquals(TimeFormat.ISO, resolved.mapping().timeFormat());
        assertEquals("/value", resolved.mapping().valuePointer().toString());
        assertEquals(60, resolved.maxReconnectDelay().toSeconds());
        assertEquals("vigie-my-sensors-1", settings("my sensors.1").effectiveClientId());
        assertEquals("gw-7", valid("clientId", " gw-7 ").effectiveClientId());
        assertEquals(Path.of("/data/rejects/levels.jsonl"),
                valid("rejectedFolder", "/data/rejects").resolve(HOME).rejectedFile());
    }

    @Test
    void emptyConfigurationListsEveryMissingKey() {
        assertEquals("brokerUri is blank; topicFilter is blank; no station: set stationCode, stationPointer or"
                        + " stationTopicLevel; no quantity: set quantity (H, Q, P, E or T) or quantityPointer",
                problems(settings("empty")));
    }

    @Test
    void brokerAndSessionMistakesAreNamedByTheirKey() {
        assertEquals("brokerUri 'http://broker.example' is not a broker URI; expected e.g."
                        + " tcp://broker.example:1883, ssl://broker.example:8883 or wss://broker.example/mqtt",
                problems(valid("brokerUri", "http://broker.example")));
        assertEquals("brokerUri 'broker.example:1883' is not a broker URI; expected e.g."
                        + " tcp://broker.example:1883, ssl://broker.example:8883 or wss://broker.example/mqtt",
                problems(valid("brokerUri", "broker.example:1883")));
        assertEquals(".password is set without a username (MQTT sends a password only with a user name)",
                problems(valid("_password", "s3cret")));
        assertEquals("qos must be 0 or 1, got 2 (QoS 2 is not supported: its redelivery after a restart needs"
                        + " client-side persistence; 1 is as safe here, the store ignores duplicates)",
                problems(valid("qos", 2)));
        assertEquals("keepAliveSeconds must not be negative, got -1; connectionTimeoutSeconds must be positive,"
                        + " got 0; maxReconnectDelaySeconds must be positive, got 0",
                problems(valid("keepAliveSeconds", -1, "connectionTimeoutSeconds", 0,
                        "maxReconnectDelaySeconds", 0)));
        assertEquals("topicFilter 'vigie/#/level' is not a valid MQTT topic filter: '#' must be a whole level and"
                + " the last one", problems(valid("topicFilter", "vigie/#/level", "stationTopicLevel", -1,
                "stationCode", "K1")));
        assertEquals("topicFilter 'vigie/sensors+' is not a valid MQTT topic filter: '+' must be a whole level,"
                + " found 'sensors+'", problems(valid("topicFilter", "vigie/sensors+", "stationTopicLevel", -1,
                "stationCode", "K1")));
    }

    @Test
    void stationMustComeFromExactlyOnePlaceAndATopicLevelMustVary() {
        assertEquals("stationCode, stationTopicLevel are exclusive, set only one",
                problems(valid("stationCode", "K1")));
        assertEquals("stationTopicLevel 1 is the fixed level 'sensors' of topicFilter 'vigie/sensors/+/level',"
                        + " expected a + level or one under # (levels count from 0)",
                problems(valid("stationTopicLevel", 1)));
        assertEquals("stationTopicLevel 4 is beyond the last level of topicFilter 'vigie/sensors/+/level',"
                        + " expected a + level or one under # (levels count from 0)",
                problems(valid("stationTopicLevel", 4)));
        assertEquals("stationTopicLevel must be 0 or more (or -1 when unused), got -2",
                problems(valid("stationTopicLevel", -2, "stationCode", "K1")));
        assertEquals("stationPointer 'station' is not a JSON Pointer (it must start with '/', e.g. /value)",
                problems(valid("stationTopicLevel", -1, "stationPointer", "station")));
        assertEquals("stations only applies to codes read from the payload or the topic, not to a fixed"
                        + " stationCode",
                problems(valid("stationTopicLevel", -1, "stationCode", "K1", "stations", new String[] {"K1"})));
        assertEquals("stations entry '=K1' must be CODE or sensorId=CODE",
                problems(valid("stations", new String[] {"=K1"})));
    }

    @Test
    void stationTopicLevelUnderAHashIsAccepted() throws Exception {
        valid("topicFilter", "vigie/#", "stationTopicLevel", 3).resolve(HOME);
        valid("topicFilter", "vigie/+/#", "stationTopicLevel", 1).resolve(HOME);
    }

    @Test
    void quantityAndUnitsMustFitTogether() {
        assertEquals("quantity: unknown quantity 'level', expected one of H, Q, P, E, T",
                problems(valid("quantity", "level")));
        assertEquals("unit 'l/s' is not a unit of H, expected one of m, cm, mm", problems(valid("unit", "l/s")));
        assertEquals("unit 'ft' is not a unit of Q, expected one of m3/s, l/s, m3/h",
                problems(valid("quantity", "Q", "unit", "ft")));
        assertEquals("quantity and quantityPointer are exclusive, both are set",
                problems(valid("quantityPointer", "/q")));
        assertEquals("unit only applies to a fixed quantity; with quantityPointer use units, e.g. [\"H=cm\","
                        + " \"Q=l/s\"]",
                problems(valid("quantity", "", "quantityPointer", "/q", "unit", "cm")));
        assertEquals("units entry 'level=cm' must be QUANTITY=unit, e.g. H=cm; units entry 'P=cm': not a unit of P,"
                        + " expected one of mm",
                problems(valid("quantity", "", "quantityPointer", "/q", "units", new String[] {"level=cm", "P=cm"})));
        assertEquals("units only applies with quantityPointer; for the fixed quantity use unit",
                problems(valid("units", new String[] {"H=cm"})));
    }

    @Test
    void pointersFormatsAndQualityMapAreChecked() {
        assertEquals("valuePointer 'value' is not a JSON Pointer (it must start with '/', e.g. /value); timePointer"
                        + " 'time' is not a JSON Pointer (it must start with '/', e.g. /value); timeFormat 'unix' is"
                        + " unknown, expected iso, epoch-seconds or epoch-millis",
                problems(valid("valuePointer", "value", "timePointer", "time", "timeFormat", "unix")));
        assertEquals("qualityMap is set without a qualityPointer; qualityMap entry '0=OK' must be code=QUALITY with"
                        + " QUALITY one of [UNKNOWN, RAW, GOOD, DOUBTFUL, BAD, FILLED]",
                problems(valid("qualityMap", new String[] {"0=OK"})));
        assertEquals("rejectedFolder is blank", problems(valid("rejectedFolder", " ")));
    }

    @Test
    void passwordNeverAppearsInTheTextOfTheSettings() {
        ConnectorSettings settings = valid("username", "vigie", "_password", "s3cret");

        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertTrue(settings.toString().contains("password=****"), settings.toString());
    }

    @Test
    void passwordUnderAPublicKeyIsAConfigurationError() {
        ConnectorSettings settings = ConnectorSettings.of(TestSettings.config("brokerUri", "tcp://broker.example:1883",
                "topicFilter", "vigie/levels", "stationCode", "K1", "quantity", "H"), "levels", true);

        assertEquals("write the password as .password (with the leading dot), so that it is not published with the"
                + " service's properties", problems(settings));
    }

    @Test
    void configurationNameComesFromTheNamedFactoryPidOrTheFileInstallFile() {
        String factory = MqttStationConnector.CONFIGURATION_PID;

        assertEquals("levels", ConfigurationName.of(factory, Map.of("service.pid", factory + "~levels",
                "felix.fileinstall.filename", "file:/opt/vigie/config/" + factory + "-other.config")));
        assertEquals("levels", ConfigurationName.of(factory, Map.of("service.pid", factory + ".8f2c",
                "felix.fileinstall.filename", "file:/opt/vigie/config/" + factory + "-levels.config")));
        assertEquals("8f2c-11", ConfigurationName.of(factory, Map.of("service.pid", factory + ".8f2c-11")));
    }
}
