package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Forecast;
import org.vigie.api.Quantity;

class H2ForecastArchiveTest extends StoreFixture {
    private H2ForecastArchive archive;

    @BeforeEach
    void createArchive() {
        archive = new H2ForecastArchive(database);
    }

    @Test
    void aRunWithQuantilesReadsBackEqual() throws Exception {
        Forecast run = forecast("FP1", "gr4j", hour(0), 3.0);
        assertTrue(archive.save(run));

        Forecast read = archive.latest("FP1").orElseThrow();
        assertEquals(run, read);
        assertEquals(run.quantiles().keySet(), read.quantiles().keySet());
        assertArrayEquals(run.quantiles().get(0.9), read.quantiles().get(0.9));
        assertEquals(Duration.ofMinutes(90).plusNanos(1), read.leadTimes().get(1));
        assertEquals("1.2.3.202401010000", read.modelVersion());

        reopen();
        assertEquals(run, new H2ForecastArchive(database).latest("FP1").orElseThrow());
    }

    @Test
    void savingTheSameRunAgainStoresNothing() {
        assertTrue(archive.save(forecast("FP1", "gr4j", hour(0), 3.0)));
        assertFalse(archive.save(forecast("FP1", "gr4j", hour(0), 99.0)), "same point, model and issue time");
        assertEquals(3.0, archive.latest("FP1").orElseThrow().value(0));
        assertTrue(archive.save(forecast("FP1", "other-model", hour(0), 4.0)));
        assertTrue(archive.save(forecast("FP2", "gr4j", hour(0), 5.0)));
        assertEquals(2, archive.runs("FP1", hour(0), hour(1)).size());
    }

    @Test
    void latestIsTheGreatestIssueTimeAndRunsAreOldestFirst() {
        assertTrue(archive.latest("FP1").isEmpty());
        for (int h : new int[] {6, 0, 12, 18}) {
            archive.save(forecast("FP1", "gr4j", hour(h), h));
        }
        archive.save(forecast("FP2", "gr4j", hour(24), 24));

        assertEquals(hour(18), archive.latest("FP1").orElseThrow().issueTime());
        List<Forecast> runs = archive.runs("FP1", hour(0), hour(18));
        assertEquals(List.of(hour(0), hour(6), hour(12)), runs.stream().map(Forecast::issueTime).toList());
        assertEquals(4, archive.runs("FP1", Instant.MIN, Instant.MAX).size());
        assertTrue(archive.runs("FP1", hour(19), hour(30)).isEmpty());
    }

    @Test
    void aRunWithoutQuantilesOrLeadsReadsBackEqual() {
        Forecast empty = new Forecast("FP1", "K001", Quantity.H, "persistence", null, hour(0), List.of(),
                new double[0], null);
        assertTrue(archive.save(empty));
        assertEquals(empty, archive.latest("FP1").orElseThrow());
    }

    private static Forecast forecast(String point, String model, Instant issue, double first) {
        List<Duration> leads = List.of(Duration.ofHours(1), Duration.ofMinutes(90).plusNanos(1), Duration.ofHours(6));
        double[] values = {first, Double.NaN, first + 0.25};
        Map<Double, double[]> quantiles = Map.of(
                0.1, new double[] {first - 1, Double.NaN, first - 0.5},
                0.9, new double[] {first + 1, Double.longBitsToDouble(0x7ff8_0000_dead_beefL), first + 1.5});
        return new Forecast(point, "K001", Quantity.Q, model, "1.2.3.202401010000", issue, leads, values, quantiles);
    }
}
