package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.vigie.api.Quality;
import org.vigie.connector.sandre.internal.SandreValues.BadValueException;

class SandreValuesTest {

    private final SandreValues paris = new SandreValues(ZoneId.of("Europe/Paris"));

    private Instant time(String text) throws BadValueException {
        return paris.time("DtObsHydro", text, false);
    }

    @Test
    void offsetsAsTheSamplesWriteThem() throws BadValueException {
        assertEquals(Instant.parse("2010-02-26T11:10:00Z"), time("2010-02-26T13:10:00+02:00"));
        assertEquals(Instant.parse("2010-02-26T11:15:00Z"), time("2010-02-26T13:15:00+02"));
        assertEquals(Instant.parse("2010-02-26T09:45:00Z"), time("2010-02-26T14:45:00+05"));
        assertEquals(Instant.parse("2010-02-26T16:45:00Z"), time("2010-02-26T13:45:00-03"));
        assertEquals(Instant.parse("2010-02-26T13:15:00Z"), time("2010-02-26T13:15:00Z"));
        assertEquals(Instant.parse("2010-02-26T13:15:00.250Z"), time("2010-02-26T13:15:00.25Z"));
    }

    @Test
    void timesWithoutOffsetAreInTheConfiguredZone() throws BadValueException {
        assertEquals(Instant.parse("2010-02-26T12:10:00Z"), time("2010-02-26T13:10:00"));
        assertEquals(Instant.parse("2013-06-13T11:10:00Z"), time("2013-06-13T13:10:00"));
        assertEquals(Instant.parse("2013-06-13T11:10:00Z"), time("2013-06-13T13:10"));
        assertEquals(Instant.parse("2013-06-13T13:10:00Z"),
                new SandreValues(ZoneId.of("UTC")).time("DtObsHydro", "2013-06-13T13:10:00", false));
    }

    @Test
    void daylightSavingGapIsRefusedAndOverlapTakesTheFirstOccurrence() throws BadValueException {
        BadValueException gap = assertThrows(BadValueException.class, () -> time("2024-03-31T02:00:00"));
        assertEquals("DtObsHydro '2024-03-31T02:00:00' does not exist in Europe/Paris (skipped by the daylight-saving"
                + " change); write it with an offset", gap.getMessage());
        assertEquals(Instant.parse("2024-10-27T00:15:00Z"), time("2024-10-27T02:15:00"));
        assertEquals(Instant.parse("2024-10-27T01:15:00Z"), time("2024-10-27T02:15:00+01:00"));
    }

    @Test
    void aDayIsAcceptedOnlyWhereAsked() throws BadValueException {
        assertEquals(Instant.parse("2013-06-12T22:00:00Z"), paris.time("DtObsElabHydro", "2013-06-13", true));
        assertEquals(Instant.parse("2013-06-13T00:00:00Z"), paris.time("DtObsElabHydro", "2013-06-13Z", true));
        assertEquals(Instant.parse("2013-06-12T22:00:00Z"), paris.time("DtObsElabHydro", "2013-06-13+02:00", true));
        assertEquals("cannot parse DtObsHydro '2013-06-13' — expected e.g. 2010-02-26T13:10:00+01:00,"
                        + " 2010-02-26T13:10:00Z, or a local time in Europe/Paris written 2010-02-26T13:10:00",
                assertThrows(BadValueException.class, () -> time("2013-06-13")).getMessage());
        assertEquals("cannot parse DtObsElabHydro '13/06/2013' — expected e.g. 2010-02-26T13:10:00+01:00,"
                        + " 2010-02-26T13:10:00Z, or a local time in Europe/Paris written 2010-02-26T13:10:00,"
                        + " or a day 2010-02-26",
                assertThrows(BadValueException.class, () -> paris.time("DtObsElabHydro", "13/06/2013", true))
                        .getMessage());
    }

    @Test
    void impossibleOrOddTimesAreRefused() {
        for (String text : new String[] {"2010-02-29T10:00:00", "2010-02-26T24:00:00", "2010-02-26 13:10:00",
                "2010-02-26T13:10:00+0200", "2010-02-26T13:10:00 +02:00", "26/02/2010 13:10", ""}) {
            assertThrows(BadValueException.class, () -> time(text), text);
        }
        assertEquals("no DtObsHydro", assertThrows(BadValueException.class, () -> time(null)).getMessage());
    }

    @Test
    void numbersAreDecimalAndFinite() throws BadValueException {
        assertEquals(20992.0, SandreValues.number("ResObsHydro", "20992.0"));
        assertEquals(-35.5, SandreValues.number("ResObsHydro", "-35.5"));
        assertEquals(1500.0, SandreValues.number("ResObsHydro", "1.5E3"));
        assertEquals(0.5, SandreValues.number("ResObsHydro", ".5"));
        assertEquals(5.0, SandreValues.number("ResObsHydro", "+5"));
        for (String text : new String[] {"1,5", "0x10", "1.5d", "abc", "1 000", "--1"}) {
            assertEquals("cannot parse ResObsHydro '" + text + "' as a number",
                    assertThrows(BadValueException.class, () -> SandreValues.number("ResObsHydro", text))
                            .getMessage());
        }
        for (String text : new String[] {"NaN", "INF", "-Infinity", "1e999"}) {
            assertEquals("ResObsHydro '" + text + "' is not a finite number",
                    assertThrows(BadValueException.class, () -> SandreValues.number("ResObsHydro", text))
                            .getMessage());
        }
    }

    @Test
    void qualificationCodesMapLikeTheHubEauConnector() {
        assertEquals(Quality.GOOD, SandreValues.quality("20"));
        assertEquals(Quality.DOUBTFUL, SandreValues.quality("30"));
        assertEquals(Quality.RAW, SandreValues.quality("16"));
        assertEquals(Quality.UNKNOWN, SandreValues.quality("0"));
        assertEquals(Quality.UNKNOWN, SandreValues.quality("12"));
        assertEquals(Quality.UNKNOWN, SandreValues.quality(null));
    }

    @Test
    void longValuesAreCutInMessages() {
        String huge = "9".repeat(500) + "x";

        String message = assertThrows(BadValueException.class, () -> SandreValues.number("ResObsHydro", huge))
                .getMessage();

        assertEquals("cannot parse ResObsHydro '" + "9".repeat(60) + "…' as a number", message);
    }
}
