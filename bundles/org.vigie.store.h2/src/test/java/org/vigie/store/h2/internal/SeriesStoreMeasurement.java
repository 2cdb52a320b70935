package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;

/**
 * Measures ingest and read speed of the observation table; prints figures, asserts only correctness. Skipped in
 * normal builds; run it with
 * {@code mvn -f bundles/org.vigie.store.h2/pom.xml test -Dtest=SeriesStoreMeasurement -Dvigie.measure=true}.
 *
 * <p>The feed: 100 stations × 2,000 hourly steps = 200,000 observations, arriving interleaved by time as a real
 * feed does, in append calls of 5,000; each with a per-row provenance reference like a CSV line.
 */
@EnabledIfSystemProperty(named = "vigie.measure", matches = "true")
class SeriesStoreMeasurement {
    private static final int STATIONS = 100;
    private static final int STEPS = 2_000;
    private static final int CALL_SIZE = 5_000;
    private static final int YEAR_HOURS = 8_760;
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        Path file = dir.resolve("vigie");
        H2Database database = H2Database.open(file, false);
        H2SeriesStore store = new H2SeriesStore(database);
        List<List<Observation>> calls = feed();

        long start = System.nanoTime();
        AppendResult first = append(store, calls);
        double insertSeconds = seconds(start);
        assertEquals(new AppendResult(STATIONS * STEPS, 0), first);

        start = System.nanoTime();
        AppendResult again = append(store, calls);
        double redeliverySeconds = seconds(start);
        assertEquals(new AppendResult(0, STATIONS * STEPS), again);

        List<Observation> year = new ArrayList<>();
        for (int h = 0; h < YEAR_HOURS; h++) {
            year.add(observation("YEAR", h, h * 0.001));
        }
        store.append(year);
        Instant yearEnd = START.plusSeconds(3600L * YEAR_HOURS);

        database.close();
        long fileBytes = Files.size(dir.resolve("vigie.mv.db"));
        database = H2Database.open(file, false);
        store = new H2SeriesStore(database);
        start = System.nanoTime();
        assertEquals(YEAR_HOURS, store.read("YEAR", Quantity.H, START, yearEnd).size());
        double coldReadMillis = seconds(start) * 1000;
        double[] warm = new double[30];
        for (int i = 0; i < warm.length; i++) {
            start = System.nanoTime();
            assertEquals(YEAR_HOURS, store.read("YEAR", Quantity.H, START, yearEnd).size());
            warm[i] = seconds(start) * 1000;
        }
        Arrays.sort(warm);
        double[] latest = new double[100];
        for (int i = 0; i < latest.length; i++) {
            start = System.nanoTime();
            store.latest("S" + (i % STATIONS), Quantity.H).orElseThrow();
            latest[i] = seconds(start) * 1000;
        }
        Arrays.sort(latest);
        database.close();

        int total = STATIONS * STEPS + YEAR_HOURS;
        System.out.printf("%n=== H2 series store measurement (%d cores) ===%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("insert    %,d observations in calls of %,d: %.2f s = %,.0f obs/s%n",
                STATIONS * STEPS, CALL_SIZE, insertSeconds, STATIONS * STEPS / insertSeconds);
        System.out.printf("re-deliver the same (all duplicates): %.2f s = %,.0f obs/s%n",
                redeliverySeconds, STATIONS * STEPS / redeliverySeconds);
        System.out.printf("read one year hourly (%,d values): first after reopen %.1f ms, warm median %.1f ms, p90 %.1f ms%n",
                YEAR_HOURS, coldReadMillis, warm[warm.length / 2], warm[warm.length * 9 / 10]);
        System.out.printf("latest(): median %.3f ms%n", latest[latest.length / 2]);
        System.out.printf("file %,d bytes for %,d observations = %.0f bytes/observation%n%n",
                fileBytes, total, (double) fileBytes / total);
    }

    private static AppendResult append(H2SeriesStore store, List<List<Observation>> calls) {
        AppendResult result = AppendResult.NONE;
        for (List<Observation> call : calls) {
            result = result.plus(store.append(call));
        }
        return result;
    }

    private static List<List<Observation>> feed() {
        List<List<Observation>> calls = new ArrayList<>();
        List<Observation> call = new ArrayList<>(CALL_SIZE);
        for (int step = 0; step < STEPS; step++) {
            for (int station = 0; station < STATIONS; station++) {
                call.add(observation("S" + station, step, station + step * 0.01));
                if (call.size() == CALL_SIZE) {
                    calls.add(call);
                    call = new ArrayList<>(CALL_SIZE);
                }
            }
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        return calls;
    }

    private static Observation observation(String station, int hour, double value) {
        Instant time = START.plusSeconds(3600L * hour);
        return new Observation(station, Quantity.H, time, value, Quality.RAW,
                new Provenance("hubeau", "", station + "_" + (hour / 24) + ".csv:" + (hour % 24 + 2)),
                time.plusSeconds(600));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
