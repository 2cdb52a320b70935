package org.vigie.connector.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vigie.connector.mqtt.internal.TestSettings.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.connector.mqtt.internal.Rejection.Kind;

class PayloadDecoderTest {

    private static final Instant RECEIVED = Instant.parse("2024-06-01T12:00:00Z");
    private static final String BROKER = "tcp://127.0.0.1:1883";

    private static PayloadDecoder decoder(Object... keyValues) throws Exception {
        Object[] all = new Object[keyValues.length + 2];
        all[0] = "brokerUri";
        all[1] = BROKER;
        System.arraycopy(keyValues, 0, all, 2, keyValues.length);
        ConnectorSettings settings = settings("test", all);
        return new PayloadDecoder("mqtt:test", settings.resolve(Path.of("/vigie")).mapping());
    }

    /** A level sensor per topic: vigie/sensors/<station>/level. */
    private static PayloadDecoder levels(Object... more) throws Exception {
        Object[] base = {"topicFilter", "vigie/sensors/+/level", "stationTopicLevel", 2, "quantity", "H"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return decoder(all);
    }

    private static Observation decode(PayloadDecoder decoder, String topic, String payload) throws Rejection {
        return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private static Rejection rejection(PayloadDecoder decoder, String topic, String payload) {
        return assertThrows(Rejection.class, () -> decode(decoder, topic, payload));
    }

    private static final String K1_LEVEL = "vigie/sensors/K1/level";

    @Test
    void levelInMillimetresWithStationFromTheTopicBecomesMetresAtTheUtcInstant() throws Exception {
        Observation observation = decode(levels("unit", "mm"), "vigie/sensors/K435001010/level",
                "{\"value\": 1234, \"time\": \"2024-06-01T13:50:00+02:00\"}");

        assertEquals(new Observation("K435001010", Quantity.H, Instant.parse("2024-06-01T11:50:00Z"), 1.234,
                Quality.RAW, new Provenance("mqtt:test", "payload-time", "vigie/sensors/K435001010/level"), RECEIVED),
                observation);
    }

    @Test
    void everyUnitIsConvertedToVigiesUnit() throws Exception {
        String payload = "{\"value\": 123, \"time\": \"2024-06-01T11:00:00Z\"}";
        assertEquals(1.23, decode(levels("unit", "cm"), K1_LEVEL, payload).value());
        assertEquals(123.0, decode(levels("unit", "m"), K1_LEVEL, payload).value());
        assertEquals(123.0, decode(levels(), K1_LEVEL, payload).value());
        assertEquals(0.123, decode(levels("quantity", "Q", "unit", "l/s"), K1_LEVEL, payload).value());
        assertEquals(0.123, decode(levels("quantity", "Q", "unit", "L/s"), K1_LEVEL, payload).value());
        assertEquals(123.0, decode(levels("quantity", "Q", "unit", "m³/s"), K1_LEVEL, payload).value());
        assertEquals(123 / 3600.0, decode(levels("quantity", "Q", "unit", "m3/h"), K1_LEVEL, payload).value());
        assertEquals(123.0, decode(levels("quantity", "P", "unit", "mm"), K1_LEVEL, payload).value());
        assertEquals(123.0, decode(levels("quantity", "T", "unit", "°C"), K1_LEVEL, payload).value());
    }

    @Test
    void dischargeInLitresPerSecondWithStationAndEpochMillisInNestedFields() throws Exception {
        PayloadDecoder decoder = decoder("topicFilter", "city/discharge", "stationPointer", "/station",
                "quantity", "Q", "unit", "l/s", "valuePointer", "/q/value", "timePointer", "/ts",
                "timeFormat", "epoch-millis");

        Observation observation = decode(decoder, "city/discharge",
                "{\"station\": \"K437311001\", \"q\": {\"value\": 12500}, \"ts\": 1717243200250}");

        assertEquals("K437311001", observation.stationCode());
        assertEquals(Quantity.Q, observation.quantity());
        assertEquals(12.5, observation.value());
        assertEquals(Instant.parse("2024-06-01T12:00:00.250Z"), observation.time());
    }

    @Test
    void epochSecondsMayBeNumbersWithAFractionOrNumericText() throws Exception {
        PayloadDecoder decoder = levels("timeFormat", "epoch-seconds");

        assertEquals(Instant.parse("2024-06-01T11:00:00Z"),
                decode(decoder, K1_LEVEL, "{\"value\": 1, \"time\": 1717239600}").time());
        assertEquals(Instant.parse("2024-06-01T11:00:00.500Z"),
                decode(decoder, K1_LEVEL, "{\"value\": 1, \"time\": 1717239600.5}").time());
        assertEquals(Instant.parse("2024-06-01T11:00:00Z"),
                decode(decoder, K1_LEVEL, "{\"value\": 1, \"time\": \"1717239600\"}").time());
    }

    @Test
    void isoTimesMayUseZOrAnOffsetAndAFraction() throws Exception {
        PayloadDecoder decoder = levels();

        assertEquals(Instant.parse("2024-06-01T11:00:00Z"),
                decode(decoder, K1_LEVEL, "{\"value\": 1, \"time\": \"2024-06-01T11:00:00Z\"}").time());
        assertEquals(Instant.parse("2024-01-15T09:00:00.125Z"),
                decode(decoder, K1_LEVEL, "{\"value\": 1, \"time\": \"2024-01-15T10:00:00.125+01:00\"}").time());
    }

    @Test
    void missingTimeMeansTheTimeOfReceptionAndIsRecordedInTheProvenance() throws Exception {
        Observation withoutField = decode(levels(), K1_LEVEL, "{\"value\": 1.5}");
        Observation nullTime = decode(levels(), K1_LEVEL, "{\"value\": 1.5, \"time\": null}");
        Observation noPointer = decode(levels("timePointer", ""), K1_LEVEL,
                "{\"value\": 1.5, \"time\": \"2024-06-01T11:00:00Z\"}");

        for (Observation observation : new Observation[] {withoutField, nullTime, noPointer}) {
            assertEquals(RECEIVED, observation.time());
            assertEquals(new Provenance("mqtt:test", "receipt-time", K1_LEVEL), observation.provenance());
        }
    }

    @Test
    void wholePayloadCanBeTheValue() throws Exception {
        PayloadDecoder decoder = levels("valuePointer", "", "timePointer", "", "unit", "cm");

        assertEquals(2.5, decode(decoder, K1_LEVEL, "250").value());
        assertEquals(2.5, decode(decoder, K1_LEVEL, " \"250\" ").value());
    }

    @Test
    void quantityAndUnitMayComeFromThePayloadWithAUnitPerQuantity() throws Exception {
        PayloadDecoder decoder = decoder("topicFilter", "city/+", "stationTopicLevel", 1,
                "quantityPointer", "/q", "units", new String[] {"H=cm", "Q=l/s"});

        assertEquals(Quantity.H, decode(decoder, "city/K1", "{\"q\": \"h\", \"value\": 250}").quantity());
        assertEquals(2.5, decode(decoder, "city/K1", "{\"q\": \"H\", \"value\": 250}").value());
        assertEquals(0.25, decode(decoder, "city/K1", "{\"q\": \"Q\", \"value\": 250}").value());
        assertEquals(250.0, decode(decoder, "city/K1", "{\"q\": \"P\", \"value\": 250}").value());
        assertEquals("no quantity at /q", rejection(decoder, "city/K1", "{\"value\": 250}").reason());
        Rejection unknown = rejection(decoder, "city/K1", "{\"q\": \"level\", \"value\": 250}");
        assertEquals(Kind.UNKNOWN_QUANTITY, unknown.kind());
        assertEquals("unknown quantity 'level', expected one of H, Q, P, E, T at /q", unknown.reason());
    }

    @Test
    void sensorIdsAreTranslatedAndOnlyListedStationsAccepted() throws Exception {
        PayloadDecoder decoder = decoder("topicFilter", "city/rain/#", "stationTopicLevel", 2, "quantity", "P",
                "stations", new String[] {"pluvio-7=K4350010", "K4370020"}, "valuePointer", "/mm",
                "timePointer", "/t", "timeFormat", "epoch-seconds");

        assertEquals("K4350010", decode(decoder, "city/rain/pluvio-7", "{\"mm\": 0.2, \"t\": 1717239600}")
                .stationCode());
        assertEquals("K4370020", decode(decoder, "city/rain/K4370020/tips", "{\"mm\": 0.4, \"t\": 1717239600}")
                .stationCode());
        Rejection unknown = rejection(decoder, "city/rain/pluvio-8", "{\"mm\": 0.2, \"t\": 1717239600}");
        assertEquals(Kind.UNKNOWN_STATION, unknown.kind());
        assertEquals("unknown station 'pluvio-8' in topic level 2 (not listed in stations)", unknown.reason());
        assertEquals("no station code in topic level 2",
                rejection(decoder, "city/rain", "{\"mm\": 0.2, \"t\": 1717239600}").reason());
    }

    @Test
    void stationFromThePayloadMayBeANumberButNotAnObject() throws Exception {
        PayloadDecoder decoder = decoder("topicFilter", "city/levels", "stationPointer", "/id", "quantity", "H");

        assertEquals("12", decode(decoder, "city/levels", "{\"id\": 12, \"value\": 1}").stationCode());
        assertEquals("station at /id is an object, not a code",
                rejection(decoder, "city/levels", "{\"id\": {\"a\": 1}, \"value\": 1}").reason());
        assertEquals("no station code at /id", rejection(decoder, "city/levels", "{\"id\": \" \", \"value\": 1}")
                .reason());
        assertEquals("no station code at /id", rejection(decoder, "city/levels", "{\"value\": 1}").reason());
    }

    @Test
    void qualityIsRawUnlessThePayloadGivesOne() throws Exception {
        PayloadDecoder decoder = levels("qualityPointer", "/q", "qualityMap", new String[] {"0=GOOD", "1=DOUBTFUL"});

        assertEquals(Quality.RAW, decode(levels(), K1_LEVEL, "{\"value\": 1, \"q\": 0}").quality());
        assertEquals(Quality.RAW, decode(decoder, K1_LEVEL, "{\"value\": 1}").quality());
        assertEquals(Quality.GOOD, decode(decoder, K1_LEVEL, "{\"value\": 1, \"q\": 0}").quality());
        assertEquals(Quality.DOUBTFUL, decode(decoder, K1_LEVEL, "{\"value\": 1, \"q\": \"1\"}").quality());
        assertEquals(Quality.BAD, decode(decoder, K1_LEVEL, "{\"value\": 1, \"q\": \"bad\"}").quality());
        assertEquals(Quality.UNKNOWN, decode(decoder, K1_LEVEL, "{\"value\": 1, \"q\": 7}").quality());
    }

    @Test
    void payloadsThatAreNotOneJsonValueAreRejected() throws Exception {
        PayloadDecoder decoder = levels();

        assertRejected(Kind.NOT_JSON, "empty payload", decoder, "");
        assertRejected(Kind.NOT_JSON, "not JSON: the payload holds only blanks", decoder, "  ");
        assertEquals(Kind.NOT_JSON, rejection(decoder, K1_LEVEL, "12,5 cm").kind());
        assertEquals(Kind.NOT_JSON, rejection(decoder, K1_LEVEL, "{\"value\": 1").kind());
        assertEquals(Kind.NOT_JSON, rejection(decoder, K1_LEVEL, "{\"value\": 1} {\"value\": 2}").kind());
        assertEquals(Kind.NOT_JSON, rejection(decoder, K1_LEVEL, "{\"value\": NaN}").kind());
        assertEquals(Kind.NOT_JSON, assertThrows(Rejection.class, () -> decoder.decode(K1_LEVEL,
                new byte[] {(byte) 0xff, (byte) 0xfe, 0x31}, RECEIVED)).kind());
    }

    @Test
    void missingAndNonNumericValuesAreRejected() throws Exception {
        PayloadDecoder decoder = levels();

        assertRejected(Kind.MISSING_VALUE, "no value at /value", decoder, "{\"time\": \"2024-06-01T11:00:00Z\"}");
        assertRejected(Kind.MISSING_VALUE, "no value at /value", decoder, "{\"value\": null}");
        assertRejected(Kind.MISSING_VALUE, "empty value at /value", decoder, "{\"value\": \"\"}");
        assertRejected(Kind.BAD_NUMBER, "value 'douze' at /value is not a number", decoder, "{\"value\": \"douze\"}");
        assertRejected(Kind.BAD_NUMBER, "value '1,5' at /value is not a number", decoder, "{\"value\": \"1,5\"}");
        assertRejected(Kind.BAD_NUMBER, "value at /value is a boolean (true), not a number", decoder,
                "{\"value\": true}");
        assertRejected(Kind.BAD_NUMBER, "value at /value is an object, not a number", decoder,
                "{\"value\": {\"raw\": 1}}");
        assertRejected(Kind.BAD_NUMBER, "value 1E+999 at /value is not a finite number", decoder,
                "{\"value\": 1e999}");
        assertRejected(Kind.BAD_NUMBER, "value at the payload root is an array, not a number",
                levels("valuePointer", ""), "[1, 2]");
    }

    @Test
    void unreadableOrImplausibleTimesAreRejectedWithAHint() throws Exception {
        assertRejected(Kind.BAD_TIME, "time '2024-06-01T11:00:00' at /time has no UTC offset; expected e.g."
                        + " 2024-06-01T14:00:00+02:00 or 2024-06-01T12:00:00Z", levels(),
                "{\"value\": 1, \"time\": \"2024-06-01T11:00:00\"}");
        assertRejected(Kind.BAD_TIME, "cannot read time '01/06/2024 11:00' at /time as ISO-8601 with an offset,"
                        + " e.g. 2024-06-01T14:00:00+02:00 or 2024-06-01T12:00:00Z", levels(),
                "{\"value\": 1, \"time\": \"01/06/2024 11:00\"}");
        assertRejected(Kind.BAD_TIME, "time 1717239600 at /time is a number, expected ISO-8601 text"
                        + " (set timeFormat to epoch-seconds or epoch-millis?)", levels(),
                "{\"value\": 1, \"time\": 1717239600}");
        assertRejected(Kind.BAD_TIME, "cannot read time \"yesterday\" at /time as epoch seconds",
                levels("timeFormat", "epoch-seconds"), "{\"value\": 1, \"time\": \"yesterday\"}");
        assertRejected(Kind.BAD_TIME, "time 1717239600 at /time is 1970-01-20T21:00:39.600Z, before"
                        + " 2000-01-01T00:00:00Z (epoch seconds sent where timeFormat is epoch-millis?)",
                levels("timeFormat", "epoch-millis"), "{\"value\": 1, \"time\": 1717239600}");
        assertRejected(Kind.BAD_TIME, "time 1717239600000 at /time is +56387-02-27T08:00:00Z, more than 1 h after"
                        + " its reception at 2024-06-01T12:00:00Z (epoch milliseconds sent where timeFormat is"
                        + " epoch-seconds?)",
                levels("timeFormat", "epoch-seconds"), "{\"value\": 1, \"time\": 1717239600000}");
        assertRejected(Kind.BAD_TIME, "time \"2024-06-01T14:00:00Z\" at /time is 2024-06-01T14:00:00Z, more than 1 h"
                        + " after its reception at 2024-06-01T12:00:00Z (sensor clock wrong, or local time written"
                        + " with a Z?)", levels(),
                "{\"value\": 1, \"time\": \"2024-06-01T14:00:00Z\"}");
        assertRejected(Kind.BAD_TIME, "time \"1e30\" at /time is out of range for epoch seconds",
                levels("timeFormat", "epoch-seconds"), "{\"value\": 1, \"time\": \"1e30\"}");
    }

    @Test
    void messageOnATopicOutsideTheFilterIsRejected() throws Exception {
        Rejection rejection = rejection(levels(), "vigie/old/K1", "{\"value\": 1}");

        assertEquals(Kind.UNEXPECTED_TOPIC, rejection.kind());
        assertEquals("topic 'vigie/old/K1' does not match topicFilter 'vigie/sensors/+/level' (a subscription left"
                + " in this client id's persistent session?)", rejection.reason());
    }

    private static void assertRejected(Kind kind, String reason, PayloadDecoder decoder, String payload) {
        Rejection rejection = rejection(decoder, K1_LEVEL, payload);
        assertEquals(reason, rejection.reason());
        assertEquals(kind, rejection.kind());
    }
}
