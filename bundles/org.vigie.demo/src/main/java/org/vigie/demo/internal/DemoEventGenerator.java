package org.vigie.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes Vigie's demo flood event: a SYNTHETIC hourly level hydrograph per demo station, not measured data.
 *
 * <p>Each station's level follows a gamma-shaped flood wave on a constant base,
 * {@code H(t) = base + (peak - base) · (t/tp)^n · exp(n·(1 - t/tp))}, which rises smoothly from the base, reaches
 * {@code peak} at {@code tp} hours after the event start and recedes; a ±1 cm ripple makes it look like a sensor.
 * The event lasts {@link #HOURS} hours and ends at the given instant, so replayed observations are recent and
 * forecasts issued "now" follow on. Values are rounded to the millimetre. The shapes are chosen so that the Loire at
 * Orléans rises through yellow to orange (2.20 m), the Dhuy to yellow, and the Loiret rises to yellow and is back
 * to green by the end (an alert raised, escalated and ended).
 * See {@code docs/demo-event.md}.
 */
public final class DemoEventGenerator {

    /** Length of the event, in hours. */
    public static final int HOURS = 72;

    /** One station's wave: base level (m), peak level (m), hours from start to peak, shape exponent. */
    record Wave(String stationCode, double base, double peak, double hoursToPeak, double shape) {
        double level(double hoursSinceStart) {
            double x = hoursSinceStart / hoursToPeak;
            double wave = Math.pow(x, shape) * Math.exp(shape * (1 - x));
            double ripple = 0.01 * Math.sin(hoursSinceStart * 1.3);
            return Math.round((base + (peak - base) * wave + ripple) * 1000) / 1000.0;
        }
    }

    static final List<Wave> WAVES = List.of(
            new Wave("K435001010", 0.90, 2.60, 60, 4),   // Loire at Orléans: slow, large
            new Wave("K437311001", 0.35, 1.25, 66, 4),   // Dhuy at Sandillon: small tributary
            new Wave("K439000101", 0.60, 1.35, 40, 4));  // Loiret at Olivet: an earlier, shorter rise, over by the end

    /** The Dhuy also has a rain gauge, PET and a discharge computed from its level (a GR4H forecast point). */
    static final String DHUY = "K437311001";

    /**
     * The Dhuy's demo stage–discharge curve, the one in the demo catchment's definition: Q = 6.5·(H − 0.10)^1.7.
     */
    static double dhuyDischarge(double level) {
        return level <= 0.10 ? 0 : 6.5 * Math.pow(level - 0.10, 1.7);
    }

    /**
     * The Dhuy's rainfall (mm/h): a storm of about 45 mm over 18 hours, peaking at 4.3 mm/h, starting 20 hours into
     * the event, before the rise of its level.
     */
    static double dhuyRain(int hour) {
        double x = (hour - 20) / 6.0;
        if (x <= 0 || x > 3) {
            return 0;
        }
        return Math.round(4.3 * x * x * Math.exp(2 - 2 * x) * 100) / 100.0;
    }

    /** The Dhuy's PET (mm/h): a daily cycle, 0 at night, up to 0.12 mm/h at 13:00 UTC. */
    static double dhuyPet(Instant time) {
        int hour = time.atZone(ZoneOffset.UTC).getHour();
        return hour < 6 || hour > 20 ? 0 : Math.round(0.12 * Math.sin(Math.PI * (hour - 6) / 14.0) * 1000) / 1000.0;
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHH", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DemoEventGenerator() {
    }

    /**
     * The event as CSV files (name → content) for Vigie's CSV connector, one file per station and
     * {@code hoursPerFile} hours, in delivery order (time, then station).
     *
     * @param end the time of the last value; truncated to the hour
     */
    public static Map<String, String> files(Instant end, int hoursPerFile) {
        Instant last = end.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant start = last.minus(Duration.ofHours(HOURS - 1L));
        Map<String, String> files = new LinkedHashMap<>();
        for (int first = 0; first < HOURS; first += hoursPerFile) {
            for (Wave wave : WAVES) {
                Instant chunkStart = start.plus(Duration.ofHours(first));
                boolean dhuy = wave.stationCode().equals(DHUY);
                StringBuilder csv = new StringBuilder()
                        .append("# SYNTHETIC DATA - Vigie demo flood event (DemoEventGenerator), not a measurement\n")
                        .append(dhuy ? "time,H,Q,P,E\n" : "time,H\n");
                for (int h = first; h < Math.min(first + hoursPerFile, HOURS); h++) {
                    Instant time = start.plus(Duration.ofHours(h));
                    double level = wave.level(h);
                    csv.append(time).append(',').append(String.format(Locale.ROOT, "%.3f", level));
                    if (dhuy) {
                        csv.append(String.format(Locale.ROOT, ",%.3f,%.2f,%.3f", dhuyDischarge(level), dhuyRain(h),
                                dhuyPet(time)));
                    }
                    csv.append('\n');
                }
                files.put(wave.stationCode() + "_demo_" + STAMP.format(chunkStart) + ".csv", csv.toString());
            }
        }
        return files;
    }

    /** @return every station's level at the end of the event (m), for checks and documentation */
    public static Map<String, Double> finalLevels() {
        Map<String, Double> levels = new LinkedHashMap<>();
        for (Wave wave : WAVES) {
            levels.put(wave.stationCode(), wave.level(HOURS - 1));
        }
        return levels;
    }

    /** @return the station codes of the event */
    public static List<String> stations() {
        List<String> codes = new ArrayList<>();
        WAVES.forEach(w -> codes.add(w.stationCode()));
        return codes;
    }
}
