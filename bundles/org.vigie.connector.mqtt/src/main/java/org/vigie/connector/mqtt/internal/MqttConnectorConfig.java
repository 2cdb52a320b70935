package org.vigie.connector.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One MQTT subscription, as a factory configuration, e.g. {@code config/org.vigie.connector.mqtt-levels.config}; the
 * part after the dash ({@code levels}) is the configuration's name. The single source of the defaults:
 * {@link ConnectorSettings} only carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie MQTT sensor connector",
        description = "Subscribes to an MQTT topic filter and delivers the JSON readings of the city's level and rain"
                + " sensors; one configuration per subscription")
@interface MqttConnectorConfig {

    // --- broker and session ---

    @AttributeDefinition(
            name = "Broker URI",
            description = "tcp://host:1883, ssl://host:8883, ws://host/path or wss://host/path")
    String brokerUri() default "";

    @AttributeDefinition(
            name = "Client id",
            description = "MQTT client identifier; empty means vigie-<configuration name>. Must stay the same across"
                    + " restarts: the broker keeps the persistent session (and the messages sent meanwhile) under it",
            required = false)
    String clientId() default "";

    @AttributeDefinition(name = "User name", description = "Empty for an anonymous connection", required = false)
    String username() default "";

    /**
     * Key {@code .password}: the leading dot makes it a private property, which Declarative Services does not
     * publish with the service, so that the password cannot be read from the service registry.
     */
    @AttributeDefinition(name = "Password", description = "Key .password (with the leading dot); never logged",
            type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(
            name = "Topic filter",
            description = "Subscribed topic filter; + and # wildcards allowed, e.g. vigie/sensors/+/level")
    String topicFilter() default "";

    @AttributeDefinition(
            name = "QoS",
            description = "Subscription QoS: 1 (at least once, the default) or 0 (at most once: messages sent while"
                    + " Vigie is away or while the store is down are lost)",
            required = false,
            min = "0",
            max = "1")
    int qos() default 1;

    @AttributeDefinition(
            name = "Clean session",
            description = "false (the default) keeps the session on the broker while Vigie is away, so QoS 1 messages"
                    + " sent meanwhile are delivered on reconnection",
            required = false)
    boolean cleanSession() default false;

    @AttributeDefinition(name = "Keep-alive (s)", description = "MQTT keep-alive interval; 0 disables it",
            required = false, min = "0")
    int keepAliveSeconds() default 60;

    @AttributeDefinition(name = "Connection timeout (s)", description = "How long one connection attempt may take",
            required = false, min = "1")
    int connectionTimeoutSeconds() default 30;

    @AttributeDefinition(
            name = "Maximum reconnection delay (s)",
            description = "Reconnection is automatic: 1 s after a loss, then doubling up to this delay. The same"
                    + " delays pace the redelivery requests while the store is down",
            required = false,
            min = "1")
    int maxReconnectDelaySeconds() default 60;

    // --- payload mapping ---

    @AttributeDefinition(
            name = "Value pointer",
            description = "JSON Pointer to the value in the payload, e.g. /value or /level/raw; empty means the whole"
                    + " payload is the value (e.g. 1234)",
            required = false)
    String valuePointer() default "/value";

    @AttributeDefinition(
            name = "Time pointer",
            description = "JSON Pointer to the measurement time; empty, or a message without it, means the time of"
                    + " reception (recorded in the provenance method)",
            required = false)
    String timePointer() default "/time";

    @AttributeDefinition(
            name = "Time format",
            description = "iso (ISO-8601 with an offset, e.g. 2024-06-01T14:00:00+02:00), epoch-seconds or"
                    + " epoch-millis",
            required = false,
            options = {
                    @Option(label = "ISO-8601 with offset", value = "iso"),
                    @Option(label = "Epoch seconds", value = "epoch-seconds"),
                    @Option(label = "Epoch milliseconds", value = "epoch-millis")})
    String timeFormat() default "iso";

    @AttributeDefinition(
            name = "Station code",
            description = "Fixed station of every message; exclusive with stationPointer and stationTopicLevel",
            required = false)
    String stationCode() default "";

    @AttributeDefinition(
            name = "Station pointer",
            description = "JSON Pointer to the station code (or sensor id, see stations) in the payload",
            required = false)
    String stationPointer() default "";

    @AttributeDefinition(
            name = "Station topic level",
            description = "0-based topic level holding the station code (or sensor id), e.g. 2 for"
                    + " vigie/sensors/+/level; -1 when unused",
            required = false,
            min = "-1")
    int stationTopicLevel() default -1;

    @AttributeDefinition(
            name = "Stations",
            description = "Accepted stations when the code comes from the payload or the topic: CODE, or"
                    + " sensorId=CODE to translate a sensor id; empty accepts any code as it is",
            required = false)
    String[] stations() default {};

    @AttributeDefinition(
            name = "Quantity",
            description = "Fixed quantity of every message: H, Q, P, E or T; exclusive with quantityPointer",
            required = false)
    String quantity() default "";

    @AttributeDefinition(
            name = "Quantity pointer",
            description = "JSON Pointer to the quantity code (H, Q, P, E, T) in the payload",
            required = false)
    String quantityPointer() default "";

    @AttributeDefinition(
            name = "Unit",
            description = "Unit of the value for the fixed quantity: H m, cm or mm; Q m3/s, l/s or m3/h; P and E mm;"
                    + " T degC. Empty means Vigie's unit",
            required = false)
    String unit() default "";

    @AttributeDefinition(
            name = "Units per quantity",
            description = "With quantityPointer: QUANTITY=unit entries, e.g. H=cm, Q=l/s; quantities not listed are in"
                    + " Vigie's unit",
            required = false)
    String[] units() default {};

    @AttributeDefinition(
            name = "Quality pointer",
            description = "JSON Pointer to a quality code in the payload; empty means every value is RAW",
            required = false)
    String qualityPointer() default "";

    @AttributeDefinition(
            name = "Quality map",
            description = "code=QUALITY entries translating the payload's quality codes, e.g. 0=GOOD, 1=DOUBTFUL;"
                    + " unmapped codes are read as a Vigie quality name, else UNKNOWN",
            required = false)
    String[] qualityMap() default {};

    // --- rejected messages ---

    @AttributeDefinition(
            name = "Rejected-messages folder",
            description = "Where undecodable messages are appended, one JSON object per line, to"
                    + " <configuration name>.jsonl; a relative path is resolved against the framework property"
                    + " vigie.home, or the working directory when it is not set",
            required = false)
    String rejectedFolder() default "data/mqtt-rejected";
}
