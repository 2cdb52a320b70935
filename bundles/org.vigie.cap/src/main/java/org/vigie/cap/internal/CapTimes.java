package org.vigie.cap.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * CAP 1.2 date-times (§3.3.2): {@code 2024-10-18T06:00:00+00:00} — seconds precision, a numeric offset, never
 * {@code Z} (the schema's pattern {@code \d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-,+]\d\d:\d\d} rejects it). The
 * specification says "The timezone for UTC MUST be represented as '-00:00'", so a zero offset is written
 * {@code -00:00}; reading accepts {@code +00:00}, {@code -00:00} (and, leniently, {@code Z} and fractions of a second,
 * which the schema validator reports).
 */
public final class CapTimes {

    /**
     * How a zero offset (UTC) is written: {@code +00:00}, as Vigie's users asked and the schema accepts (CAP 1.2
     * §3.3.2 prefers {@code -00:00}, which the schema accepts too; never {@code Z}, which it refuses).
     */
    public static final String UTC_OFFSET = "+00:00";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private CapTimes() {
    }

    /** @return {@code time} as CAP writes it */
    public static String format(OffsetDateTime time) {
        OffsetDateTime t = checked(time, "time");
        String offset = t.getOffset().getTotalSeconds() == 0 ? UTC_OFFSET : OFFSET.format(t);
        return LOCAL.format(t) + offset;
    }

    /** @return {@code instant} in UTC as CAP writes it, e.g. {@code 2024-10-18T06:00:00+00:00} */
    public static String format(Instant instant) {
        return format(utc(instant));
    }

    /** @return {@code instant} at offset zero, truncated to the second */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @return the date-time in {@code text} (surrounding white space ignored), truncated to the second
     * @throws DateTimeParseException when it is not an ISO-8601 date-time with an offset
     */
    public static OffsetDateTime parse(String text) {
        return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return {@code time} truncated to the second; rejects offsets with seconds, which CAP cannot write */
    static OffsetDateTime checked(OffsetDateTime time, String what) {
        if (time.getOffset().getTotalSeconds() % 60 != 0) {
            throw new IllegalArgumentException(what + " has an offset with seconds, not writable in CAP: " + time);
        }
        return time.truncatedTo(ChronoUnit.SECONDS);
    }
}
