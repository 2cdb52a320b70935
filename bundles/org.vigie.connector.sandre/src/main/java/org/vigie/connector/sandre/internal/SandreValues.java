package org.vigie.connector.sandre.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;
import java.util.Locale;
import java.util.regex.Pattern;

import org.vigie.api.Quality;

/**
 * Reads the simple values of a Sandre file: date-times, numbers, qualification codes. Pure and thread-safe.
 */
final class SandreValues {

    /** Sandre gives H in mm and Q in l/s; Vigie holds m and m3/s: both divide by a thousand. */
    static final double SANDRE_UNITS_PER_VIGIE_UNIT = 1000.0;

    // xs:dateTime as the samples write it: offset "+02:00", "+02", "Z" or none; seconds and fraction optional.
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    // xs:date, accepted for elaborated (daily, monthly) observations only
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final TemporalQuery<OffsetDateTime> DATE_WITH_OFFSET =
            temporal -> LocalDate.from(temporal).atStartOfDay().atOffset(ZoneOffset.from(temporal));

    // Double.parseDouble also takes "NaN", "0x1p3" and "1.5d"; a data file should hold none of those.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE_WORD = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final ZoneId zone;

    /** @param zone the zone of date-times written without an offset */
    SandreValues(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * @param element the element name, for the message
     * @param dateOnly whether a date without time (the start of that day) is accepted
     * @throws BadValueException worded for whoever fixes the file
     */
    Instant time(String element, String text, boolean dateOnly) throws BadValueException {
        if (text == null || text.isEmpty()) {
            throw new BadValueException("no " + element);
        }
        try {
            TemporalAccessor parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : inZone((LocalDateTime) parsed, element, text);
        } catch (DateTimeException e) {
            if (!dateOnly) {
                throw badTime(element, text, "");
            }
        }
        try {
            TemporalAccessor parsed = DATE.parseBest(text, DATE_WITH_OFFSET, LocalDate::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : inZone(((LocalDate) parsed).atStartOfDay(), element, text);
        } catch (DateTimeException e) {
            throw badTime(element, text, ", or a day 2010-02-26");
        }
    }

    private BadValueException badTime(String element, String text, String alsoAccepted) {
        return new BadValueException("cannot parse " + element + " '" + shorten(text) + "' — expected e.g."
                + " 2010-02-26T13:10:00+01:00, 2010-02-26T13:10:00Z, or a local time in " + zone
                + " written 2010-02-26T13:10:00" + alsoAccepted);
    }

    private Instant inZone(LocalDateTime local, String element, String text) throws BadValueException {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new BadValueException(element + " '" + text + "' does not exist in " + zone
                    + " (skipped by the daylight-saving change); write it with an offset");
        }
        // In an overlap (clocks set back) this takes the earlier of the two offsets, i.e. the first occurrence.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /**
     * @throws BadValueException when absent, not a decimal number, or not finite
     */
    static double number(String element, String text) throws BadValueException {
        if (text == null || text.isEmpty()) {
            throw new BadValueException("no " + element);
        }
        if (NON_FINITE_WORD.matcher(text).matches()) {
            throw new BadValueException(element + " '" + text + "' is not a finite number");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadValueException("cannot parse " + element + " '" + shorten(text) + "' as a number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new BadValueException(element + " '" + shorten(text) + "' is not a finite number");
        }
        return value;
    }

    /**
     * Maps a Sandre qualification code as the Hub'Eau connector does: 20 "bonne" → GOOD, 30 "douteuse" →
     * DOUBTFUL, 16 "non qualifiée" → RAW (delivered unchecked), 0 "inconnue", a missing or any other code →
     * UNKNOWN.
     */
    static Quality quality(String code) {
        if (code == null) {
            return Quality.UNKNOWN;
        }
        return switch (code) {
            case "20" -> Quality.GOOD;
            case "30" -> Quality.DOUBTFUL;
            case "16" -> Quality.RAW;
            default -> Quality.UNKNOWN;
        };
    }

    /** Values echoed in a report are cut, so that a huge text cannot flood it. */
    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** A value that cannot be read; the message is the reason shown to the operator. */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String reason) {
            super(reason, null, false, false);
        }
    }
}
