package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.StoreException;

class H2SeriesStoreTest extends StoreFixture {
    private H2SeriesStore store;

    @BeforeEach
    void createStore() {
        store = new H2SeriesStore(database);
    }

    @Test
    void flagsAreKeptBesideTheUntouchedValuesAndReplacedOnRecheck() {
        Observation spike = observation("K001", Quantity.H, hour(0), 9.0, "csv");
        Observation clean = observation("K001", Quantity.H, hour(1), 1.1, "csv");
        Observation otherSource = observation("K001", Quantity.H, hour(0), 1.0, "hubeau");
        Observation unchecked = observation("K001", Quantity.H, hour(2), 1.2, "csv");
        store.append(List.of(spike, clean, otherSource, unchecked));

        store.recordFlags("K001", Quantity.H, List.of(
                new ObservationFlags(hour(0), "csv", EnumSet.of(DiagnosticFlag.SPIKE, DiagnosticFlag.RANGE)),
                new ObservationFlags(hour(1), "csv", Set.of()),
                new ObservationFlags(hour(0), "hubeau", Set.of()),
                new ObservationFlags(hour(5), "csv", Set.of(DiagnosticFlag.GAP)),
                new ObservationFlags(hour(1), "never-delivered", Set.of(DiagnosticFlag.GAP))));

        assertEquals(List.of(
                new ObservationFlags(hour(0), "csv", EnumSet.of(DiagnosticFlag.RANGE, DiagnosticFlag.SPIKE)),
                new ObservationFlags(hour(0), "hubeau", Set.of()),
                new ObservationFlags(hour(1), "csv", Set.of())),
                store.readFlags("K001", Quantity.H, hour(0), hour(10)),
                "no flag for an observation that is not stored, none for one never checked");
        assertEquals(List.of(spike, otherSource, clean, unchecked), store.read("K001", Quantity.H, hour(0), hour(3)),
                "raw values unchanged");

        store.recordFlags("K001", Quantity.H, List.of(new ObservationFlags(hour(0), "csv", Set.of())));
        assertEquals(Set.of(), store.readFlags("K001", Quantity.H, hour(0), hour(1)).get(0).flags());
        assertEquals(List.of(), store.readFlags("K001", Quantity.Q, hour(0), hour(10)));
        assertEquals(List.of(), store.readFlags("UNKNOWN", Quantity.H, hour(0), hour(10)));
    }

    @Test
    void reDeliveryStoresNothingAndCountsDuplicates() {
        List<Observation> batch = List.of(
                observation("K001", Quantity.H, hour(0), 1.0, "csv"),
                observation("K001", Quantity.H, hour(1), 1.1, "csv"),
                observation("K001", Quantity.Q, hour(0), 12.5, "csv"));

        assertEquals(new AppendResult(3, 0), store.append(batch));
        assertEquals(new AppendResult(0, 3), store.append(batch));
        assertEquals(2, store.count("K001", Quantity.H));
        assertEquals(1, store.count("K001", Quantity.Q));
    }

    @Test
    void duplicatesInsideOneBatchAreStoredOnceAndTheFirstValueWins() {
        Observation first = observation("K001", Quantity.H, hour(0), 1.0, "csv");
        Observation sameIdentityOtherValue = observation("K001", Quantity.H, hour(0), 9.9, "csv");

        assertEquals(new AppendResult(1, 2), store.append(List.of(first, sameIdentityOtherValue, first)));
        assertEquals(List.of(first), store.read("K001", Quantity.H, hour(0), hour(1)));
    }

    @Test
    void aValueFromAnotherSourceIsAnotherObservationAndReadsOrderBySource() {
        // registered in this order, so source ids (2, 1) disagree with source names ("csv" < "hubeau")
        Observation hubeau = observation("K001", Quantity.H, hour(0), 1.02, "hubeau");
        Observation csv = observation("K001", Quantity.H, hour(0), 1.0, "csv");
        Observation later = observation("K001", Quantity.H, hour(1), 1.1, "hubeau");

        assertEquals(new AppendResult(1, 0), store.append(List.of(hubeau)));
        assertEquals(new AppendResult(2, 0), store.append(List.of(csv, later)));
        assertEquals(List.of(csv, hubeau, later), store.read("K001", Quantity.H, hour(0), hour(2)));
        assertEquals(later, store.latest("K001", Quantity.H).orElseThrow());
    }

    @Test
    void readIsFromInclusiveToExclusiveInTimeOrder() {
        List<Observation> shuffled = new ArrayList<>();
        for (int h : new int[] {5, 0, 3, 1, 4, 2}) {
            shuffled.add(observation("K001", Quantity.H, hour(h), h / 10.0, "csv"));
        }
        shuffled.add(observation("K002", Quantity.H, hour(2), 7.0, "csv"));
        shuffled.add(observation("K001", Quantity.Q, hour(2), 8.0, "csv"));
        store.append(shuffled);

        List<Observation> read = store.read("K001", Quantity.H, hour(1), hour(4));
        assertEquals(List.of(hour(1), hour(2), hour(3)), read.stream().map(Observation::time).toList());
        assertEquals(List.of(0.1, 0.2, 0.3), read.stream().map(Observation::value).toList());
        assertEquals(List.of(), store.read("K001", Quantity.H, hour(4), hour(4)));
        assertEquals(List.of(), store.read("K001", Quantity.H, hour(4), hour(1)));
        assertEquals(6, store.read("K001", Quantity.H, Instant.MIN, Instant.MAX).size());
        assertEquals(List.of(), store.read("UNKNOWN", Quantity.H, Instant.MIN, Instant.MAX));
    }

    @Test
    void readsBackEveryFieldExactly() {
        Observation full = new Observation("Y123 456", Quantity.P, Instant.parse("1901-02-03T04:05:06.789012345Z"),
                -0.0, Quality.DOUBTFUL, new Provenance("hubeau", "Sandre:12", "obs_elab?page=3#row 7"),
                Instant.parse("2024-06-01T12:00:00.000000001Z"));
        Observation noMethod = new Observation("Y123 456", Quantity.P, Instant.parse("1901-02-03T05:05:06Z"),
                Double.MIN_VALUE, null, Provenance.of("csv"), Instant.parse("2024-06-01T12:00:00Z"));
        store.append(List.of(full, noMethod));

        List<Observation> read = store.read("Y123 456", Quantity.P, Instant.parse("1900-01-01T00:00:00Z"), hour(0));
        assertEquals(List.of(withValue(full, 0.0), noMethod), read, "-0.0 reads back as 0.0, all else as written");
        assertEquals(Quality.UNKNOWN, read.get(1).quality());
    }

    private static Observation withValue(Observation o, double value) {
        return new Observation(o.stationCode(), o.quantity(), o.time(), value, o.quality(), o.provenance(), o.receivedAt());
    }

    @Test
    void latestIsTheGreatestTime() {
        assertTrue(store.latest("K001", Quantity.H).isEmpty());
        store.append(List.of(observation("K001", Quantity.H, hour(7), 7.0, "csv"),
                observation("K001", Quantity.H, hour(9), 9.0, "csv"),
                observation("K001", Quantity.H, hour(8), 8.0, "csv"),
                observation("K001", Quantity.Q, hour(20), 20.0, "csv"),
                observation("K002", Quantity.H, hour(30), 30.0, "csv")));

        assertEquals(9.0, store.latest("K001", Quantity.H).orElseThrow().value());
        assertTrue(store.latest("K001", Quantity.T).isEmpty());
    }

    @Test
    void observationsSurviveARestart() throws Exception {
        Observation stored = observation("K001", Quantity.H, hour(0), 1.0, "csv");
        store.append(List.of(stored));

        reopen();
        store = new H2SeriesStore(database);

        assertEquals(List.of(stored), store.read("K001", Quantity.H, hour(0), hour(1)));
        assertEquals(new AppendResult(0, 1), store.append(List.of(stored)));
        assertEquals(new AppendResult(1, 0), store.append(List.of(observation("K001", Quantity.H, hour(1), 1.1, "csv"))));
    }

    @Test
    void aFailedAppendRollsBackWhatItHadInserted() {
        List<Observation> batch = new ArrayList<>();
        for (int h = 0; h < 1500; h++) {
            batch.add(observation("K001", Quantity.H, hour(h), h, "csv"));
        }
        // the first JDBC batch of 1000 rows is inserted before this row fails: it must be rolled back
        Observation old = batch.get(1200);
        batch.set(1200, new Observation("K001", Quantity.H, old.time(), old.value(), old.quality(), old.provenance(),
                Instant.parse("1500-01-01T00:00:00Z")));

        StoreException failure = assertThrows(StoreException.class, () -> store.append(batch));
        assertTrue(failure.getMessage().contains("1500-01-01"), failure.getMessage());
        assertEquals(0, store.count("K001", Quantity.H));

        batch.set(1200, old);
        assertEquals(new AppendResult(1500, 0), store.append(batch));
    }

    @Test
    void anUnstorableTimeFailsTheWholeAppend() {
        List<Observation> batch = List.of(observation("K001", Quantity.H, hour(0), 1.0, "csv"),
                observation("K001", Quantity.H, Instant.parse("1500-01-01T00:00:00Z"), 2.0, "csv"));
        assertThrows(StoreException.class, () -> store.append(batch));
        assertEquals(0, store.count("K001", Quantity.H));
    }

    @Test
    void concurrentDeliveriesOfTheSameBatchStoreItOnce() throws Exception {
        List<Observation> batch = new ArrayList<>();
        for (int h = 0; h < 3000; h++) {
            batch.add(observation("K001", Quantity.H, hour(h), h, "csv"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<AppendResult>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> store.append(batch)));
            }
            AppendResult total = AppendResult.NONE;
            for (var result : results) {
                total = total.plus(result.get());
            }
            assertEquals(new AppendResult(3000, 6000), total);
            assertEquals(3000, store.count("K001", Quantity.H));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anAppendOnAClosedDatabaseThrowsStoreException() {
        database.close();
        assertThrows(StoreException.class,
                () -> store.append(List.of(observation("K001", Quantity.H, hour(0), 1.0, "csv"))));
    }

    @Test
    void appendsBatchesLargerThanOneJdbcBatch() {
        List<Observation> batch = new ArrayList<>();
        for (int h = 0; h < 2500; h++) {
            batch.add(observation("K001", Quantity.H, hour(h), h, "csv"));
        }
        assertEquals(new AppendResult(2500, 0), store.append(batch));
        batch.add(observation("K001", Quantity.H, hour(2500), 2500, "csv"));
        assertEquals(new AppendResult(1, 2500), store.append(batch));
        assertEquals(2501, store.count("K001", Quantity.H));
        assertEquals(AppendResult.NONE, store.append(List.of()));
    }
}
