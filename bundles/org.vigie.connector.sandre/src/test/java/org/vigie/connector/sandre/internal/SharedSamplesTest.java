package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.sandre.internal.Fixtures.RECEIVED;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;
import org.vigie.api.Forecast;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

/**
 * The libhydro test files of the Sandre hydrometrie 1.1 format (shared data, read in place, never copied), read
 * with the default configuration: dates without offset in Europe/Paris (+01:00 in February, +02:00 in June).
 */
class SharedSamplesTest {

    private static final double NaN = Double.NaN;

    private static SandreParseResult parse(String sample) {
        return Fixtures.parse(Fixtures.parser(), sample, SharedSamples.bytes(sample));
    }

    private static Observation obs(String station, Quantity quantity, String time, double value, Quality quality,
                                   String method, String reference) {
        return new Observation(station, quantity, Instant.parse(time), value, quality,
                new Provenance("sandre", method, reference), RECEIVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"obsshydro.xml", "obssmeteo.xml", "simulations.xml", "obsselaboree.xml",
            "siteshydro.xml", "siteshydro_with_namespace.xml", "sitesmeteo.xml"})
    void everySampleIsReadWithoutRefusingTheFile(String sample) {
        SandreParseResult result = parse(sample);

        assertTrue(result.fileError().isEmpty(), () -> sample + ": " + result.fileError());
    }

    @Test
    void realTimeObservationsOfASiteAStationAndASensor() {
        SandreParseResult result = parse("obsshydro.xml");

        assertTrue(result.isClean(), () -> result.errors().toString());
        assertEquals(List.of(
                // "+02:00" and "+02" offsets
                obs("V7144010", Quantity.Q, "2010-02-26T11:10:00Z", 20.992, Quality.UNKNOWN, "",
                        "obsshydro.xml:31 StatutSerie=4 ContObsHydro=True"),
                obs("V7144010", Quantity.Q, "2010-02-26T11:15:00Z", 21.176, Quality.UNKNOWN, "",
                        "obsshydro.xml:36 StatutSerie=4 ContObsHydro=True"),
                // no offset: Europe/Paris; qualification codes 12 and 8 are not Sandre qualifications
                obs("V714401001", Quantity.Q, "2010-02-26T12:10:00Z", 0.020, Quality.UNKNOWN, "12",
                        "obsshydro.xml:53 StatutSerie=4 QualifObsHydro=12 ContObsHydro=False"),
                obs("V714401001", Quantity.Q, "2010-02-26T12:15:00Z", 0.021, Quality.UNKNOWN, "12",
                        "obsshydro.xml:60 StatutSerie=4 QualifObsHydro=8 ContObsHydro=False"),
                // sensor V71440100103 of station V714401001
                obs("V714401001", Quantity.H, "2010-02-26T12:10:00Z", 0.680, Quality.GOOD, "4",
                        "obsshydro.xml:79 CdCapteur=V71440100103 StatutSerie=4 QualifObsHydro=20"),
                obs("V714401001", Quantity.H, "2010-02-26T12:15:00Z", 0.684, Quality.GOOD, "0",
                        "obsshydro.xml:85 CdCapteur=V71440100103 StatutSerie=4 QualifObsHydro=20"),
                obs("V714401001", Quantity.H, "2010-02-26T13:55:00Z", 0.670, Quality.GOOD, "12",
                        "obsshydro.xml:91 CdCapteur=V71440100103 StatutSerie=4 QualifObsHydro=20")),
                result.observations());
    }

    @Test
    void rainfallIsImportedAndTheTemperatureReported() {
        SandreParseResult result = parse("obssmeteo.xml");

        // hourly totals ending at 12:00 and 13:00 Paris time start at 10:00Z and 11:00Z
        assertEquals(List.of(
                obs("01033002", Quantity.P, "2010-02-26T10:00:00Z", 2.0, Quality.RAW, "0",
                        "obssmeteo.xml:20 DureeObsMeteo=60 StatutObsMeteo=4 QualifObsMeteo=16 IndiceQualObsMeteo=100"),
                obs("01033002", Quantity.P, "2010-02-26T11:00:00Z", 8.0, Quality.RAW, "0",
                        "obssmeteo.xml:33 DureeObsMeteo=60 StatutObsMeteo=4 QualifObsMeteo=16 IndiceQualObsMeteo=100")),
                result.observations());
        assertEquals(List.of("line 46: ObsMeteo of 01033002 (TA): grandeur 'TA' (CdGrdMeteo) is not imported,"
                + " only RR (rainfall)"), result.errors().stream().map(ValueError::describe).toList());
    }

    @Test
    void simulationsBecomeForecastsAndPrevsBeforeTheProductionTimeAreReported() {
        SandreParseResult result = parse("simulations.xml");

        Instant produced = Instant.parse("2010-02-26T13:45:00Z");
        List<Duration> quarterPastEachHour = List.of(Duration.ofMinutes(15), Duration.ofMinutes(75),
                Duration.ofMinutes(135), Duration.ofMinutes(195), Duration.ofMinutes(255), Duration.ofMinutes(315),
                Duration.ofMinutes(375));
        assertEquals(List.of(
                new Forecast("sandre:Y1612020:Q", "Y1612020", Quantity.Q, "13_08", "", produced,
                        List.of(Duration.ofMinutes(15)), new double[] {0.023}, Map.of(0.9, new double[] {0.025})),
                new Forecast("sandre:Y161202001:H", "Y161202001", Quantity.H, "ScMerSHOM", "", produced,
                        quarterPastEachHour,
                        // mm to m; 280.604 / 1000 is 0.28060399999999996, one ulp from 0.280604
                        new double[] {271.374 / 1000, 267.747 / 1000, 422.280 / 1000, 218.297 / 1000, 264.121 / 1000,
                                280.604 / 1000, 358.710 / 1000}, Map.of()),
                // "+05" offsets; only minima and maxima: no mean
                new Forecast("sandre:Y1612020:Q", "Y1612020", Quantity.Q, "13_09", "",
                        Instant.parse("2010-02-26T09:45:00Z"), quarterPastEachHour.subList(0, 3),
                        new double[] {NaN, NaN, NaN},
                        Map.of(0.1, new double[] {NaN, 0.044, NaN}, 0.9, new double[] {0.033, NaN, 0.055}))),
                result.forecasts());
        assertEquals(List.of(
                "line 33: Simul of Y1612020 (Q, model 13_08): Prev at 2010-02-26T13:00:00Z is earlier than"
                        + " DtProdSimul (2010-02-26T13:45:00Z): a forecast cannot hold a value before its issue time",
                "line 72: Simul of Y161202001 (H, model ScMerSHOM): Prev at 2010-02-26T13:00:00Z is earlier than"
                        + " DtProdSimul (2010-02-26T13:45:00Z): a forecast cannot hold a value before its issue time",
                "line 117: Simul of Y1612020 (Q, model 13_09): Prev at 2010-02-26T09:00:00Z is earlier than"
                        + " DtProdSimul (2010-02-26T09:45:00Z): a forecast cannot hold a value before its issue time"),
                result.errors().stream().map(ValueError::describe).toList());
    }

    @Test
    void dailyMeanDischargesAreElaboratedObservations() {
        SandreParseResult result = parse("obsselaboree.xml");

        assertTrue(result.isClean(), () -> result.errors().toString());
        List<Observation> observations = result.observations();
        assertEquals(26, observations.size());
        assertEquals(new TreeSet<>(List.of("H040002001", "H620101001", "H622101001", "O005002001", "Q142001001")),
                new TreeSet<>(observations.stream().map(Observation::stationCode).toList()));
        assertTrue(observations.stream().allMatch(o -> o.quantity() == Quantity.Q
                && o.provenance().source().equals("sandre:QmJ") && o.provenance().method().equals("12")));

        Observation first = observations.get(0);
        assertEquals("O005002001", first.stationCode());
        // the day 2013-06-13 in Europe/Paris (summer time) starts at 22:00 UTC the day before
        assertEquals(Instant.parse("2013-06-12T22:00:00Z"), first.time());
        assertEquals(137.144069655557, first.value(), 1e-12);
        assertEquals(Quality.UNKNOWN, first.quality());
        assertEquals("obsselaboree.xml:19 StatutObsElabHydro=4 QualifObsElabHydro=12", first.provenance().reference());

        Observation last = observations.get(25);
        assertEquals("Q142001001", last.stationCode());
        assertEquals(Instant.parse("2013-06-12T22:00:00Z"), last.time());
        assertEquals(185.996692905971, last.value(), 1e-12);
        assertEquals(Quality.RAW, last.quality());
    }

    @ParameterizedTest
    @ValueSource(strings = {"siteshydro.xml", "siteshydro_with_namespace.xml", "sitesmeteo.xml"})
    void referentialFilesImportNothingAndSaySo(String sample) {
        SandreParseResult result = parse(sample);

        assertTrue(result.observations().isEmpty());
        assertTrue(result.forecasts().isEmpty());
        assertEquals(1, result.errors().size());
        assertTrue(result.errors().get(0).reason().startsWith("<RefHyd> (referential"), result.errors()::toString);
    }

    @Test
    void withoutTheSharedFolderTheSampleTestsAreSkippedNotFailed(@TempDir Path elsewhere) {
        assertEquals(Optional.empty(), SharedSamples.folder(elsewhere));

        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> SharedSamples.bytes(elsewhere, "obsshydro.xml"));

        assertTrue(skipped.getMessage().contains("shared Sandre samples not found: no shared/data/"
                + SharedSamples.FOLDER + " in " + elsewhere.toAbsolutePath()), skipped.getMessage());
    }
}
