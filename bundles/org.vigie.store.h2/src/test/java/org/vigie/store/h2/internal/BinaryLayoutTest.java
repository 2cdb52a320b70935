package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BinaryLayoutTest {

    @Test
    void doublesKeepTheirRawBits() {
        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_0000_0abcL);
        byte[] bytes = BinaryLayout.doubles(new double[] {nanWithPayload, -0.0, 1.5});
        double[] read = BinaryLayout.doubles(bytes);
        assertEquals(0x7ff8_0000_0000_0abcL, Double.doubleToRawLongBits(read[0]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(read[1]));
        assertEquals(1 + 4 + 3 * 8, bytes.length);
    }

    @Test
    void durationsQuantilesAndVariablesRoundTrip() {
        List<Duration> leads = List.of(Duration.ZERO, Duration.ofSeconds(-1, 999_999_999), Duration.ofDays(400));
        assertEquals(leads, BinaryLayout.durations(BinaryLayout.durations(leads)));

        Map<Double, double[]> quantiles = BinaryLayout.quantiles(BinaryLayout.quantiles(Map.of(0.5, new double[] {1, 2})));
        assertEquals(List.of(0.5), List.copyOf(quantiles.keySet()));
        assertEquals("[1.0, 2.0]", Arrays.toString(quantiles.get(0.5)));

        Map<String, double[]> variables = BinaryLayout.variables(BinaryLayout.variables(Map.of("réservoir", new double[] {3})));
        assertEquals("[3.0]", Arrays.toString(variables.get("réservoir")));
    }

    @Test
    void corruptValuesAreRefusedNotMisread() {
        byte[] bytes = BinaryLayout.doubles(new double[] {1, 2});
        assertThrows(IllegalStateException.class, () -> BinaryLayout.doubles(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IllegalStateException.class, () -> BinaryLayout.doubles(Arrays.copyOf(bytes, bytes.length + 1)));
        bytes[0] = 9;
        assertThrows(IllegalStateException.class, () -> BinaryLayout.doubles(bytes));
        assertThrows(IllegalStateException.class, () -> BinaryLayout.doubles(new byte[0]));
    }

    @Test
    void epochNanosAreExactWithinTheirSpanAndRefuseBeyondIt() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("2024-02-29T12:34:56.123456789Z"), EpochNanos.MIN, EpochNanos.MAX)) {
            assertEquals(instant, EpochNanos.toInstant(EpochNanos.of(instant)));
        }
        assertEquals(Long.MIN_VALUE, EpochNanos.of(EpochNanos.MIN));
        assertEquals(Long.MAX_VALUE, EpochNanos.of(EpochNanos.MAX));
        assertThrows(IllegalArgumentException.class, () -> EpochNanos.of(EpochNanos.MAX.plusNanos(1)));
        assertEquals(Long.MIN_VALUE, EpochNanos.clamped(Instant.MIN));
        assertEquals(Long.MAX_VALUE, EpochNanos.clamped(Instant.MAX));
    }
}
