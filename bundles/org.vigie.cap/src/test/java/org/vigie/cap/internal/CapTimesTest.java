package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CapTimesTest {

    @Test
    void utcIsWrittenMinusZeroAndOffsetsAreKept() {
        assertEquals("2024-10-18T06:00:00+00:00", CapTimes.format(Instant.parse("2024-10-18T06:00:00.789Z")));
        assertEquals("2024-10-18T08:00:00+02:00",
                CapTimes.format(OffsetDateTime.of(2024, 10, 18, 8, 0, 0, 0, ZoneOffset.ofHours(2))));
        assertEquals("2020-08-26T04:14:00-05:00", CapTimes.format(CapTimes.parse("2020-08-26T04:14:00-05:00")));
    }

    @Test
    void readsBothZeroOffsets() {
        OffsetDateTime utc = OffsetDateTime.of(2020, 2, 16, 23, 1, 13, 0, ZoneOffset.UTC);
        assertEquals(utc, CapTimes.parse("2020-02-16T23:01:13-00:00"));
        assertEquals(utc, CapTimes.parse(" 2020-02-16T23:01:13+00:00\n"));
    }

    @Test
    void offsetsWithSecondsCannotBeWritten() {
        OffsetDateTime lmt = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, 9, 21));
        assertThrows(IllegalArgumentException.class, () -> CapTimes.format(lmt));
    }
}
