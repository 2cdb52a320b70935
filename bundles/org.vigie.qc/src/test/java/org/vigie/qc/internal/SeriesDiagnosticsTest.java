package org.vigie.qc.internal;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.service.DiagnosticReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

class SeriesDiagnosticsTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final SeriesDiagnostics DIAGNOSTICS = new SeriesDiagnostics(QcSettings.defaults(Duration.ofHours(1)));

    static Observation at(int hour, double value, Quantity quantity) {
        return new Observation("K435001010", quantity, START.plus(Duration.ofHours(hour)), value, Quality.RAW,
                Provenance.of("test"), NOW);
    }

    /** A gently varying discharge, about 10 m³/s, recorded to the millimetre-ish resolution of real data. */
    static List<Observation> smoothDischarge(int hours) {
        List<Observation> series = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            series.add(at(h, Math.round((10 + 2 * Math.sin(h / 8.0)) * 1000) / 1000.0, Quantity.Q));
        }
        return series;
    }

    static List<Integer> flaggedWith(SeriesDiagnosis diagnosis, DiagnosticFlag flag) {
        return IntStream.range(0, diagnosis.observations().size())
                .filter(i -> diagnosis.flagsAt(i).contains(flag)).boxed().toList();
    }

    @Test
    void smoothSeriesIsClean() {
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(smoothDischarge(60), Quantity.Q, NOW);
        assertTrue(diagnosis.anomalies().isEmpty(), diagnosis.anomalies().toString());
        assertEquals(100.0, diagnosis.completenessPercent(), 1e-9);
        assertTrue(diagnosis.longestGap().isEmpty());
    }

    @Test
    void rangeUsesPerQuantityDefaults() {
        List<Observation> discharge = List.of(at(0, -1, Quantity.Q), at(1, 60_000, Quantity.Q), at(2, 10, Quantity.Q));
        assertEquals(List.of(0, 1), flaggedWith(DIAGNOSTICS.diagnose(discharge, Quantity.Q, NOW), DiagnosticFlag.RANGE));
        List<Observation> level = List.of(at(0, -6, Quantity.H), at(1, -4.9, Quantity.H), at(2, 31, Quantity.H));
        assertEquals(List.of(0, 2), flaggedWith(DIAGNOSTICS.diagnose(level, Quantity.H, NOW), DiagnosticFlag.RANGE));
        List<Observation> rain = List.of(at(0, 0, Quantity.P), at(1, 300, Quantity.P), at(2, 300.1, Quantity.P));
        assertEquals(List.of(2), flaggedWith(DIAGNOSTICS.diagnose(rain, Quantity.P, NOW), DiagnosticFlag.RANGE));
    }

    @Test
    void isolatedSpikeIsFlaggedAloneAndRawValueKept() {
        List<Observation> series = new ArrayList<>(smoothDischarge(40));
        series.set(20, at(20, 35.0, Quantity.Q));
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(series, Quantity.Q, NOW);
        assertEquals(List.of(20), flaggedWith(diagnosis, DiagnosticFlag.SPIKE));
        assertSame(series.get(20), diagnosis.observations().get(20));
        assertEquals(35.0, diagnosis.observations().get(20).value());
        DiagnosticReport.Anomaly anomaly = diagnosis.anomalies().get(0);
        assertEquals(DiagnosticFlag.SPIKE, anomaly.flag());
        assertEquals(series.get(20).time(), anomaly.time());
        assertFalse(anomaly.reason().isBlank());
    }

    @Test
    void dropoutIsFlagged() {
        List<Observation> series = new ArrayList<>(smoothDischarge(40));
        series.set(25, at(25, 0.5, Quantity.Q));
        assertEquals(List.of(25), flaggedWith(DIAGNOSTICS.diagnose(series, Quantity.Q, NOW), DiagnosticFlag.SPIKE));
    }

    @Test
    void offsetStepIsFlaggedAtItsOnset() {
        List<Observation> series = new ArrayList<>(smoothDischarge(40));
        for (int h = 20; h < 40; h++) {
            series.set(h, at(h, series.get(h).value() + 6, Quantity.Q));
        }
        assertEquals(List.of(20), flaggedWith(DIAGNOSTICS.diagnose(series, Quantity.Q, NOW), DiagnosticFlag.SPIKE));
    }

    @Test
    void rainfallIsNotSpikeChecked() {
        List<Observation> rain = new ArrayList<>();
        for (int h = 0; h < 30; h++) {
            rain.add(at(h, h == 15 ? 40 : 0, Quantity.P));
        }
        assertTrue(flaggedWith(DIAGNOSTICS.diagnose(rain, Quantity.P, NOW), DiagnosticFlag.SPIKE).isEmpty());
    }

    @Test
    void heldValueOnAMovingSeriesIsAFlatline() {
        List<Observation> series = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            double value = h >= 10 && h < 18 ? 15.0 : 10 + 0.5 * h;
            series.add(at(h, value, Quantity.Q));
        }
        assertEquals(IntStream.range(10, 18).boxed().toList(),
                flaggedWith(DIAGNOSTICS.diagnose(series, Quantity.Q, NOW), DiagnosticFlag.FLATLINE));
    }

    @Test
    void shortRunIsNotAFlatline() {
        List<Observation> series = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            double value = h >= 10 && h < 15 ? 15.0 : 10 + 0.5 * h;
            series.add(at(h, value, Quantity.Q));
        }
        // five values span only 4 h, below the 6 h minimum
        assertTrue(flaggedWith(DIAGNOSTICS.diagnose(series, Quantity.Q, NOW), DiagnosticFlag.FLATLINE).isEmpty());
    }

    @Test
    void resolutionStaircaseIsNotAFlatline() {
        List<Observation> series = new ArrayList<>();
        for (int h = 0; h < 60; h++) {
            series.add(at(h, 0.330 - 0.001 * (h / 12), Quantity.Q));
        }
        assertTrue(flaggedWith(DIAGNOSTICS.diagnose(series, Quantity.Q, NOW), DiagnosticFlag.FLATLINE).isEmpty());
    }

    @Test
    void dryRainfallIsNotAFlatlineButHeldRainIs() {
        double[] shower = {0.1, 0.3, 1.2, 0.7, 0.2};
        List<Observation> rain = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            double value = h >= 30 && h < 40 ? 2.4 : h >= 40 && h < 45 ? shower[h - 40] : 0;
            rain.add(at(h, value, Quantity.P));
        }
        assertEquals(IntStream.range(30, 40).boxed().toList(),
                flaggedWith(DIAGNOSTICS.diagnose(rain, Quantity.P, NOW), DiagnosticFlag.FLATLINE));
    }

    @Test
    void gapFlagsTheObservationAfterAndIsReported() {
        List<Observation> series = new ArrayList<>(smoothDischarge(30));
        series.subList(10, 13).clear();
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(series, Quantity.Q, NOW);
        assertEquals(List.of(10), flaggedWith(diagnosis, DiagnosticFlag.GAP));
        DiagnosticReport.Gap gap = diagnosis.longestGap().orElseThrow();
        assertEquals(START.plus(Duration.ofHours(9)), gap.lastBefore());
        assertEquals(START.plus(Duration.ofHours(13)), gap.firstAfter());
        assertEquals(3, gap.missingSteps());
        assertEquals(100.0 * 27 / 30, diagnosis.completenessPercent(), 1e-9);
        assertEquals(1, diagnosis.countsPerFlag().get(DiagnosticFlag.GAP));
    }

    @Test
    void longestGapIsTheLongest() {
        List<Observation> series = new ArrayList<>(smoothDischarge(40));
        series.subList(30, 35).clear();
        series.subList(10, 12).clear();
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(series, Quantity.Q, NOW);
        assertEquals(2, diagnosis.gaps().size());
        assertEquals(5, diagnosis.longestGap().orElseThrow().missingSteps());
    }

    @Test
    void laterDeliveryOfATimeStampIsADuplicate() {
        List<Observation> series = new ArrayList<>(smoothDischarge(20));
        series.add(at(5, 99, Quantity.Q));
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(series, Quantity.Q, NOW);
        assertEquals(List.of(20), flaggedWith(diagnosis, DiagnosticFlag.DUPLICATE));
        assertTrue(diagnosis.isClean(5));
        // the duplicate is kept out of the value tests: its 99 is not judged against the series
        assertEquals(Set.of(DiagnosticFlag.DUPLICATE), diagnosis.flagsAt(20));
    }

    @Test
    void lateDeliveryIsOutOfOrderButStillFillsItsHour() {
        List<Observation> series = new ArrayList<>(smoothDischarge(20));
        Observation late = series.remove(8);
        series.add(late);
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(series, Quantity.Q, NOW);
        assertEquals(List.of(19), flaggedWith(diagnosis, DiagnosticFlag.OUT_OF_ORDER));
        assertTrue(diagnosis.gaps().isEmpty());
        assertEquals(100.0, diagnosis.completenessPercent(), 1e-9);
    }

    @Test
    void timeStampAfterNowIsFuture() {
        List<Observation> series = smoothDischarge(10);
        Instant now = START.plus(Duration.ofHours(7)).plusSeconds(30);
        SeriesDiagnosis diagnosis = DIAGNOSTICS.diagnose(series, Quantity.Q, now);
        assertEquals(List.of(8, 9), flaggedWith(diagnosis, DiagnosticFlag.FUTURE));
        assertEquals(2, diagnosis.countsPerFlag().get(DiagnosticFlag.FUTURE));
        assertEquals(0, diagnosis.countsPerFlag().get(DiagnosticFlag.NEIGHBOUR));
    }

    @Test
    void settingsRejectNonsense() {
        QcSettings defaults = QcSettings.defaults(Duration.ofMinutes(15));
        assertEquals(6, defaults.spikeHalfWindow());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> QcSettings.defaults(Duration.ZERO));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> defaults.withFlatline(1, Duration.ofHours(1)));
    }
}
