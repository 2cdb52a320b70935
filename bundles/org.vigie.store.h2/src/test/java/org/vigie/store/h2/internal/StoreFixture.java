package org.vigie.store.h2.internal;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

/** A real H2 file database in a temporary folder, without H2GIS (loading it takes seconds). */
abstract class StoreFixture {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;
    H2Database database;

    @BeforeEach
    void openDatabase() throws Exception {
        database = H2Database.open(dir.resolve("vigie"), false);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    /** Closes the database and opens the same file again, as a restart would. */
    void reopen() throws Exception {
        database.close();
        database = H2Database.open(dir.resolve("vigie"), false);
    }

    static Observation observation(String station, Quantity quantity, Instant time, double value, String source) {
        return new Observation(station, quantity, time, value, Quality.RAW,
                new Provenance(source, "method-" + source, station + ".csv:" + time.getEpochSecond()),
                Instant.parse("2024-06-01T12:00:00.123456789Z"));
    }

    static Instant hour(int n) {
        return T0.plusSeconds(3600L * n);
    }
}
