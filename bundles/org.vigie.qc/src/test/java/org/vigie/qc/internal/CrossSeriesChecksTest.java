package org.vigie.qc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.testing.SharedData;

/**
 * The level/discharge and neighbour checks on real data with injected faults; prints the figures reported in
 * docs/diagnostics.md.
 */
class CrossSeriesChecksTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * The stage–discharge pairs of the Vigicrues forecasts of Digoin (K1180010 Q with K118001010 H, three trends,
     * 357 pairs from 0.70 to 1.15 m): a level offset of 20 cm or a discharge 40 % off on 30 random pairs.
     */
    @Test
    void levelDischargeCheckFindsOffsetPairsOfARealStageDischargeRelation() throws IOException {
        List<String> rows = Files.readAllLines(SharedData.file("loire-hydroportail-hourly-and-vigicrues-forecasts-dec2024/"
                + "Prev_E_20241211_0706_20241211_0707_5159.prv"), StandardCharsets.ISO_8859_1);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
        List<Observation> levels = new ArrayList<>();
        List<Observation> discharges = new ArrayList<>();
        for (String row : rows) {
            if (!Character.isDigit(row.charAt(0))) {
                continue;
            }
            String[] cells = row.split(";");
            Instant time = LocalDateTime.parse(cells[0], format).toInstant(ZoneOffset.UTC);
            for (int trend = 0; trend < 3; trend++) {
                // one pseudo-time per trend: three pairs per hour, each a point on the forecaster's rating curve
                Instant t = time.plusSeconds(trend);
                discharges.add(observation(Quantity.Q, t, Double.parseDouble(cells[1 + trend])));
                levels.add(observation(Quantity.H, t, Double.parseDouble(cells[4 + trend])));
            }
        }
        assertEquals(357, levels.size());
        assertTrue(LevelDischargeCheck.DEFAULT.check(levels, discharges).isEmpty(),
                "the clean relation raises nothing");

        double[] sortedLevels = levels.stream().mapToDouble(Observation::value).sorted().toArray();
        double level90 = sortedLevels[(int) (0.9 * sortedLevels.length)];
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            Set<Instant> faulty = new HashSet<>();
            while (faulty.size() < 30) {
                Observation level = levels.get(random.nextInt(levels.size()));
                // an offset level where few pairs were seen (the top 10 %) has too little to be judged against
                if (level.value() + 0.2 < level90) {
                    faulty.add(level.time());
                }
            }
            List<Observation> offsetLevels = levels.stream().map(h -> faulty.contains(h.time())
                    ? observation(Quantity.H, h.time(), h.value() + 0.20) : h).toList();
            List<Observation> offDischarges = discharges.stream().map(q -> faulty.contains(q.time())
                    ? observation(Quantity.Q, q.time(), q.value() * 1.4) : q).toList();
            for (var faults : List.of(List.of(offsetLevels, discharges), List.of(levels, offDischarges))) {
                Set<Instant> found = new HashSet<>();
                LevelDischargeCheck.DEFAULT.check(faults.get(0), faults.get(1)).forEach(f -> found.add(f.time()));
                long hits = found.stream().filter(faulty::contains).count();
                long falseAlarms = found.size() - hits;
                System.out.printf(Locale.ROOT, "level/discharge seed %d %s: recall %.3f, false positives %.4f%n",
                        seed, faults.get(0) == levels ? "Q x1.4" : "H +20 cm", hits / 30.0,
                        falseAlarms / (double) (levels.size() - 30));
                assertTrue(hits >= 29, "recall >= 95 %: " + hits + "/30");
                assertTrue(falseAlarms <= 3, "false positives <= 1 %: " + falseAlarms);
            }
        }
    }

    /**
     * The Cance outlet (V3524010, 381.7 km²) against its upstream gauge V3515010 (107 km²), four months hourly:
     * clean, then with the outlet's discharge drifting from +0 to +200 % over 20 days and staying there 10 days (a sensor or curve going
     * stale), then halved for 10 days (an offset after maintenance). This headwater pair's 3-day ratio varies
     * naturally from −36 % to +75 % around its median (floods reach the outlet's larger area first), so the pair's
     * tolerance is set to 100 %: only departures beyond that can be told from hydrology here.
     */
    @Test
    void neighbourCheckFindsAStationDriftingAwayFromItsUpstreamGauge() {
        CanceHourlyDischarge outlet = CanceHourlyDischarge.load("V3524010");
        CanceHourlyDischarge upstream = CanceHourlyDischarge.load("V3515010");
        NeighbourCheck check = new NeighbourCheck(Duration.ofHours(2), Duration.ofDays(3), 1.0);
        List<Observation> neighbour = series(upstream, i -> 1.0);

        int clean = check.check(series(outlet, i -> 1.0), neighbour).size();
        System.out.printf(Locale.ROOT, "neighbour clean: %d of %d values flagged (%.2f %%)%n", clean,
                outlet.values().length, 100.0 * clean / outlet.values().length);
        assertTrue(clean <= 0.01 * outlet.values().length, "false positives <= 1 %: " + clean);

        int driftStart = 1200;
        int driftLength = 480;
        int driftEnd = driftStart + 720;
        List<Observation> drifting = series(outlet, i -> i < driftStart || i >= driftEnd ? 1.0
                : 1.0 + 2.0 * Math.min(1.0, (i - driftStart) / (double) driftLength));
        Set<Instant> flagged = new HashSet<>();
        check.check(drifting, neighbour).forEach(f -> flagged.add(f.time()));
        // drifted beyond the tolerance with a day of margin for the daily median to catch up
        int expected = 0;
        int found = 0;
        int falseAlarms = 0;
        for (int i = 0; i < outlet.values().length; i++) {
            double drift = i < driftStart || i >= driftEnd ? 0 : 2.0 * Math.min(1.0, (i - driftStart) / (double) driftLength);
            boolean beyond = i > driftStart + 0.75 * driftLength + 36 && i < driftEnd - 36;
            if (beyond && !Double.isNaN(outlet.values()[i])) {
                expected++;
                found += flagged.contains(outlet.times()[i]) ? 1 : 0;
            } else if (drift == 0 && flagged.contains(outlet.times()[i])) {
                falseAlarms++;
            }
        }
        System.out.printf(Locale.ROOT, "neighbour drift to +200 %%: recall %.3f (%d/%d), false positives %d%n",
                found / (double) expected, found, expected, falseAlarms);
        assertTrue(found >= 0.95 * expected, "recall >= 95 %");
        assertTrue(falseAlarms <= 0.01 * (outlet.values().length - 720), "false positives <= 1 %");

        List<Observation> offset = series(outlet, i -> i >= 2000 && i < 2240 ? 0.4 : 1.0);
        Set<Instant> flaggedOffset = new HashSet<>();
        check.check(offset, neighbour).forEach(f -> flaggedOffset.add(f.time()));
        int offsetFound = 0;
        int offsetExpected = 0;
        for (int i = 2036; i < 2204; i++) {
            if (!Double.isNaN(outlet.values()[i])) {
                offsetExpected++;
                offsetFound += flaggedOffset.contains(outlet.times()[i]) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "neighbour offset -60 %% for 10 days: recall %.3f (%d/%d)%n",
                offsetFound / (double) offsetExpected, offsetFound, offsetExpected);
        assertTrue(offsetFound >= 0.95 * offsetExpected, "recall >= 95 %");
    }

    private static List<Observation> series(CanceHourlyDischarge gauge, java.util.function.IntToDoubleFunction factor) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < gauge.values().length; i++) {
            if (!Double.isNaN(gauge.values()[i])) {
                observations.add(observation(Quantity.Q, gauge.times()[i], gauge.values()[i] * factor.applyAsDouble(i)));
            }
        }
        return observations;
    }

    private static Observation observation(Quantity quantity, Instant time, double value) {
        return new Observation("S", quantity, time, value, Quality.RAW, Provenance.of("test"), RECEIVED);
    }
}
