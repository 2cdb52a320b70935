package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.sandre.internal.Fixtures.RECEIVED;
import static org.vigie.connector.sandre.internal.Fixtures.parse;
import static org.vigie.connector.sandre.internal.Fixtures.parseFixture;
import static org.vigie.connector.sandre.internal.Fixtures.parseText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.Forecast;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

class SandreXmlParserTest {

    private static final double NaN = Double.NaN;

    private static Observation obs(String station, Quantity quantity, String time, double value, Quality quality,
                                   String source, String method, String reference) {
        return new Observation(station, quantity, Instant.parse(time), value, quality,
                new Provenance(source, method, reference), RECEIVED);
    }

    @Test
    void hydrometricSeriesAreConvertedToMetresAndCubicMetresPerSecondAtUtcInstants() {
        SandreParseResult result = parseFixture("observations.xml");

        assertTrue(result.isClean(), () -> result.errors().toString());
        assertEquals(List.of(
                obs("K435001010", Quantity.H, "2024-01-15T09:00:00Z", 1.25, Quality.RAW, "sandre", "0",
                        "observations.xml:25 StatutSerie=4 QualifObsHydro=16 ContObsHydro=True"),
                obs("K435001010", Quantity.H, "2024-01-15T10:00:00Z", -0.0355, Quality.GOOD, "sandre", "",
                        "observations.xml:32 StatutSerie=4 QualifObsHydro=20"),
                obs("K435001010", Quantity.H, "2024-01-15T12:00:00Z", 1.32, Quality.DOUBTFUL, "sandre", "",
                        "observations.xml:37 StatutSerie=4 QualifObsHydro=30"),
                // no offset: read in the configured zone, Europe/Paris (+01:00 in winter, +02:00 in summer)
                obs("K435001010", Quantity.H, "2024-01-15T13:00:00Z", 1.34, Quality.UNKNOWN, "sandre", "",
                        "observations.xml:42 StatutSerie=4 QualifObsHydro=0"),
                obs("K4350010", Quantity.Q, "2024-07-15T08:00:00Z", 152.3, Quality.UNKNOWN, "sandre", "12",
                        "observations.xml:53 ContObsHydro=False"),
                // a sensor's values belong to its station: the sensor code without its last two characters
                obs("K437311001", Quantity.H, "2024-01-15T09:30:00.500Z", 0.412, Quality.UNKNOWN, "sandre", "",
                        "observations.xml:65 CdCapteur=K43731100101")), result.observations());
        assertTrue(result.forecasts().isEmpty());
        assertEquals(0, result.otherStations());
    }

    @Test
    void theNamespaceIsOptionalAndMayUseAPrefix() {
        String withNamespace = Fixtures.text("observations.xml");
        String without = withNamespace.replace(" xmlns=\"" + SandreXmlParser.NAMESPACE + "\"", "");
        String prefixed = withNamespace
                .replace(" xmlns=\"", " xmlns:sa=\"")
                .replaceAll("<(/?)([A-Za-z]+)", "<$1sa:$2");

        assertFalse(without.contains(SandreXmlParser.NAMESPACE));
        List<Observation> expected = parseFixture("observations.xml").observations();
        assertEquals(expected, parseText("observations.xml", without).observations());
        assertEquals(expected, parseText("observations.xml", prefixed).observations());
    }

    @Test
    void rainfallTotalsAreDatedAtTheStartOfTheirAccumulationAndOtherMeteoGrandeursAreReported() {
        SandreParseResult result = parseFixture("meteo.xml");

        assertEquals(List.of(
                obs("45055001", Quantity.P, "2024-01-15T09:00:00Z", 1.4, Quality.RAW, "sandre", "0",
                        "meteo.xml:11 DureeObsMeteo=60 StatutObsMeteo=4 QualifObsMeteo=16 IndiceQualObsMeteo=90"),
                obs("45055001", Quantity.P, "2024-01-15T10:00:00Z", 0.0, Quality.GOOD, "sandre", "",
                        "meteo.xml:22 DureeObsMeteo=60 QualifObsMeteo=20"),
                obs("45055001", Quantity.P, "2024-01-15T11:15:00Z", 0.6, Quality.UNKNOWN, "sandre", "",
                        "meteo.xml:30 DureeObsMeteo=5")), result.observations());
        assertEquals(List.of("line 37: ObsMeteo of 45055001 (TA): grandeur 'TA' (CdGrdMeteo) is not imported,"
                + " only RR (rainfall)"), describe(result));
    }

    @Test
    void elaboratedObservationsKeepTheirTypeInTheSource() {
        SandreParseResult result = parseFixture("elaborated.xml");

        assertTrue(result.isClean(), () -> result.errors().toString());
        assertEquals(List.of(
                obs("K435001010", Quantity.Q, "2024-01-13T23:00:00Z", 148.2505, Quality.RAW, "sandre:QmJ", "12",
                        "elaborated.xml:12 StatutObsElabHydro=4 QualifObsElabHydro=16"),
                // a day without time is the start of that day in the configured zone
                obs("K435001010", Quantity.Q, "2024-01-14T23:00:00Z", 151.0, Quality.GOOD, "sandre:QmJ", "",
                        "elaborated.xml:21 QualifObsElabHydro=20"),
                obs("K437311001", Quantity.H, "2024-01-14T00:00:00Z", 0.655, Quality.UNKNOWN, "sandre:HIXnJ", "",
                        "elaborated.xml:30")), result.observations());
    }

    @Test
    void simulationsBecomeForecastsWithTheMeanAsValuesAndMinMaxAndProbabilitiesAsQuantiles() {
        SandreParseResult result = parseFixture("forecasts.xml");

        assertTrue(result.isClean(), () -> result.errors().toString());
        assertTrue(result.observations().isEmpty());
        Instant issued = Instant.parse("2024-01-15T10:00:00Z");
        assertEquals(List.of(
                new Forecast("sandre:K4350010:Q", "K4350010", Quantity.Q, "GRP_K4350010", "", issued,
                        List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)),
                        new double[] {160.0, 171.5, 180.0},
                        Map.of(0.1, new double[] {150.0, 158.0, NaN},
                                0.25, new double[] {155.0, NaN, NaN},
                                0.75, new double[] {168.0, NaN, NaN},
                                0.9, new double[] {175.0, 190.0, NaN})),
                // Prevs are put in time order; a Prev at the issue time itself is lead 0
                new Forecast("sandre:K435001010:H", "K435001010", Quantity.H, "PHOQUE", "", issued,
                        List.of(Duration.ZERO, Duration.ofHours(1)), new double[] {1.38, 1.4}, Map.of())),
                result.forecasts());
    }

    @Test
    void everyValueThatCannotBeImportedIsReportedOnceWhileTheGoodOnesAreKept() {
        SandreParseResult result = parseFixture("bad-values.xml");

        assertTrue(result.fileError().isEmpty());
        assertEquals(List.of(
                obs("K435001010", Quantity.H, "2024-03-31T00:30:00Z", 1.5, Quality.UNKNOWN, "sandre", "",
                        "bad-values.xml:21"),
                // repeated by the autumn change: the first occurrence, +02:00
                obs("K435001010", Quantity.H, "2024-10-27T00:30:00Z", 1.54, Quality.UNKNOWN, "sandre", "",
                        "bad-values.xml:44")), result.observations());
        assertEquals(List.of(new Forecast("sandre:K4350010:Q", "K4350010", Quantity.Q, "GRP_K4350010", "",
                Instant.parse("2024-03-31T10:00:00Z"), List.of(Duration.ofHours(1), Duration.ofHours(2)),
                new double[] {NaN, 120.0}, Map.of(0.9, new double[] {130.0, NaN}))), result.forecasts());
        assertEquals(List.of(
                "line 8: <RefHyd> (referential: sites, stations, sensors, meteorological sites) is not imported",
                "line 25: ObsHydro of K435001010 (H): DtObsHydro '2024-03-31T02:30:00' does not exist in"
                        + " Europe/Paris (skipped by the daylight-saving change); write it with an offset",
                "line 29: ObsHydro of K435001010 (H): cannot parse DtObsHydro '2024-02-30T10:00:00+01:00' — expected"
                        + " e.g. 2010-02-26T13:10:00+01:00, 2010-02-26T13:10:00Z, or a local time in Europe/Paris"
                        + " written 2010-02-26T13:10:00",
                "line 33: ObsHydro of K435001010 (H): cannot parse ResObsHydro '1,53' as a number",
                "line 37: ObsHydro of K435001010 (H): ResObsHydro 'NaN' is not a finite number",
                "line 41: ObsHydro of K435001010 (H): no ResObsHydro",
                "line 50: Serie of K435001010: grandeur 'V' (GrdSerie) is not imported, only H and Q;"
                        + " its 1 observations are ignored",
                "line 60: Serie without CdStationHydro, CdSiteHydro or CdCapteur: its 1 observations are not imported",
                "line 71: ObsMeteo of 45055001 (RR): no DureeObsMeteo",
                "line 85: Simul of K4350010 (Q, model GRP_K4350010): Prev at 2024-03-31T09:00:00Z is earlier than"
                        + " DtProdSimul (2024-03-31T10:00:00Z): a forecast cannot hold a value before its issue time",
                "line 89: Simul of K4350010 (Q, model GRP_K4350010): Prev at 2024-03-31T11:00:00Z: cannot parse"
                        + " ResMoyPrev 'abc' as a number",
                "line 101: <Jaugeages> is not imported (this connector reads Series, ObssMeteo, ObssElabHydro and"
                        + " Simuls)"), describe(result));
        assertFalse(result.isClean());
    }

    @Test
    void aFileThatIsNotWellFormedIsRejectedWholeWithItsLineAndColumn() {
        SandreParseResult result = parseFixture("malformed.xml");

        assertTrue(result.observations().isEmpty(), "nothing of a malformed file is imported");
        assertTrue(result.errors().isEmpty());
        assertEquals("not well-formed XML at line 15, column 32: The element type \"ResObsHydro\" must be terminated"
                + " by the matching end-tag \"</ResObsHydro>\".", result.fileError().orElseThrow());
    }

    @Test
    void emptyAndTruncatedFilesAreNotWellFormed() {
        assertEquals("not well-formed XML at line 1, column 1: Premature end of file.",
                parseText("empty.xml", "").fileError().orElseThrow());
        String truncated = Fixtures.text("observations.xml");
        truncated = truncated.substring(0, truncated.indexOf("</Series>"));
        assertEquals("not well-formed XML at line 71, column 5: XML document structures must start and end within"
                + " the same entity.", parseText("truncated.xml", truncated).fileError().orElseThrow());
    }

    @Test
    void otherDocumentsAndOtherScenarioVersionsAreRejectedWhole() {
        assertEquals("line 2: the root element is <alert>, not <hydrometrie>: not a Sandre hydrometrie file",
                parseText("cap.xml", "<?xml version=\"1.0\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>")
                        .fileError().orElseThrow());
        assertEquals("line 1: namespace 'http://xml.sandre.eaufrance.fr/scenario/hydrometrie/2' is not the one of"
                + " the Sandre hydrometrie scenario 1.1 (" + SandreXmlParser.NAMESPACE + ", or none)",
                parseText("v2.xml", "<hydrometrie xmlns=\"http://xml.sandre.eaufrance.fr/scenario/hydrometrie/2\"/>")
                        .fileError().orElseThrow());
        assertEquals("line 3: scenario version '2' (VersionScenario) is not supported: this connector reads the"
                + " Sandre hydrometrie scenario 1.1", parseText("v2.xml", """
                <hydrometrie>
                  <Scenario><CodeScenario>hydrometrie</CodeScenario>
                    <VersionScenario>2</VersionScenario></Scenario>
                  <Donnees><Series><Serie><CdStationHydro>K1</CdStationHydro><GrdSerie>H</GrdSerie><ObssHydro>
                    <ObsHydro><DtObsHydro>2024-01-15T10:00:00Z</DtObsHydro><ResObsHydro>1</ResObsHydro></ObsHydro>
                  </ObssHydro></Serie></Series></Donnees>
                </hydrometrie>""").fileError().orElseThrow());
    }

    @Test
    void aFileWithNothingButAnEmptyDataSectionIsClean() {
        SandreParseResult result = parseText("empty-data.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <hydrometrie>
                  <Scenario><VersionScenario>1.1</VersionScenario></Scenario>
                  <Donnees/>
                </hydrometrie>
                <!-- a comment after the root is fine -->
                """);

        assertTrue(result.isClean());
        assertTrue(result.observations().isEmpty());
    }

    @Test
    void theEncodingOfTheXmlDeclarationIsHonoured() {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <hydrometrie>
                  <Scenario><NomScenario>Echange de données hydrométriques</NomScenario></Scenario>
                  <Donnees><Series><Serie><CdStationHydro>K435001010</CdStationHydro><GrdSerie>H</GrdSerie>
                    <ObssHydro><ObsHydro><DtObsHydro>2024-01-15T10:00:00Z</DtObsHydro><ResObsHydro>980</ResObsHydro>
                    </ObsHydro></ObssHydro></Serie></Series></Donnees>
                </hydrometrie>""";

        SandreParseResult result = parse(Fixtures.parser(), "latin1.xml", xml.getBytes(StandardCharsets.ISO_8859_1));

        assertTrue(result.isClean(), () -> result.toString());
        assertEquals(List.of(0.98), result.observations().stream().map(Observation::value).toList());
    }

    @Test
    void bytesThatAreNotInTheDeclaredEncodingRejectTheFile() {
        byte[] latin1 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <hydrometrie><Scenario><NomScenario>données</NomScenario></Scenario></hydrometrie>"""
                .getBytes(StandardCharsets.ISO_8859_1);

        String why = parse(Fixtures.parser(), "latin1.xml", latin1).fileError().orElseThrow();

        assertTrue(why.startsWith("not well-formed XML at line 2, column "), why);
        assertTrue(why.contains("UTF-8"), why);
    }

    @Test
    void aFailureToReadTheBytesIsNotTheFilesFault() {
        byte[] start = Fixtures.bytes("observations.xml");
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position < 600) {
                    return start[position++];
                }
                throw new IOException("device not ready");
            }
        };

        IOException thrown = assertThrows(IOException.class,
                () -> Fixtures.parser().parse("observations.xml", failing, RECEIVED));
        assertEquals("device not ready", thrown.getMessage());
    }

    @Test
    void theStationFilterKeepsOnlyTheNamedEntitiesAndCountsTheOthers() {
        SandreXmlParser onlyDhuy = new SandreXmlParser("sandre", ZoneId.of("Europe/Paris"), List.of("K437311001"));
        SandreParseResult observations = parse(onlyDhuy, "observations.xml", Fixtures.bytes("observations.xml"));

        assertTrue(observations.isClean());
        assertEquals(List.of("K437311001"),
                observations.observations().stream().map(Observation::stationCode).toList());
        assertEquals(5, observations.otherStations());

        SandreXmlParser bySensor = new SandreXmlParser("sandre", ZoneId.of("UTC"), List.of("K43731100101"));
        assertEquals(1, parse(bySensor, "observations.xml", Fixtures.bytes("observations.xml")).observations().size());

        SandreXmlParser onlySite = new SandreXmlParser("sandre", ZoneId.of("UTC"), List.of("K4350010"));
        SandreParseResult forecasts = parse(onlySite, "forecasts.xml", Fixtures.bytes("forecasts.xml"));
        assertEquals(List.of("sandre:K4350010:Q"),
                forecasts.forecasts().stream().map(Forecast::forecastPointId).toList());
        assertEquals(1, forecasts.otherStations());
    }

    @Test
    void theConfiguredZoneAndSourceApply() {
        SandreXmlParser utc = new SandreXmlParser("spc-lci", ZoneId.of("UTC"), List.of());

        SandreParseResult result = parse(utc, "observations.xml", Fixtures.bytes("observations.xml"));

        assertEquals(Instant.parse("2024-01-15T14:00:00Z"), result.observations().get(3).time());
        assertEquals("spc-lci", result.observations().get(3).provenance().source());
        assertEquals("spc-lci:QmJ", parse(utc, "elaborated.xml", Fixtures.bytes("elaborated.xml"))
                .observations().get(0).provenance().source());
        assertEquals("spc-lci:K4350010:Q", parse(utc, "forecasts.xml", Fixtures.bytes("forecasts.xml"))
                .forecasts().get(0).forecastPointId());
    }

    @Test
    void forecastProblemsAreReportedPerSimulAndPerPrev() {
        SandreParseResult result = parseText("simuls.xml", """
                <hydrometrie><Donnees><Simuls>
                  <Simul><GrdSimul>Q</GrdSimul><DtProdSimul>2024-01-15T10:00:00Z</DtProdSimul>
                    <CdSiteHydro>K4350010</CdSiteHydro><Prevs/></Simul>
                  <Simul><GrdSimul>V</GrdSimul><CdSiteHydro>K4350010</CdSiteHydro>
                    <CdModelePrevision>M</CdModelePrevision></Simul>
                  <Simul><GrdSimul>Q</GrdSimul><DtProdSimul>yesterday</DtProdSimul><CdSiteHydro>K4350010</CdSiteHydro>
                    <CdModelePrevision>M</CdModelePrevision></Simul>
                  <Simul><GrdSimul>H</GrdSimul><DtProdSimul>2024-01-15T10:00:00Z</DtProdSimul>
                    <CdStationHydro>K435001010</CdStationHydro><CdModelePrevision>M</CdModelePrevision>
                    <Prevs>
                      <Prev><DtPrev>2024-01-15T11:00:00Z</DtPrev><ResMoyPrev>1000</ResMoyPrev>
                        <ProbsPrev><ProbPrev><PProbPrev>100</PProbPrev><ResProbPrev>2000</ResProbPrev></ProbPrev>
                          <ProbPrev><PProbPrev>10</PProbPrev><ResProbPrev>900</ResProbPrev></ProbPrev></ProbsPrev>
                        <ResMinPrev>800</ResMinPrev></Prev>
                      <Prev><DtPrev>2024-01-15T11:00:00Z</DtPrev><ResMoyPrev>1001</ResMoyPrev></Prev>
                      <Prev><DtPrev>2024-01-15T12:00:00Z</DtPrev></Prev>
                      <Prev><DtPrev>2024-01-15T13:00</DtPrev><ResMoyPrev>1100</ResMoyPrev></Prev>
                    </Prevs></Simul>
                  <Simul><GrdSimul>H</GrdSimul><DtProdSimul>2024-01-15T10:00:00Z</DtProdSimul>
                    <CdStationHydro>K435001010</CdStationHydro><CdModelePrevision>N</CdModelePrevision>
                    <Prevs><Prev><DtPrev>2024-01-15T09:00:00Z</DtPrev><ResMoyPrev>1</ResMoyPrev></Prev></Prevs></Simul>
                </Simuls></Donnees></hydrometrie>""");

        assertEquals(List.of(
                "line 2: Simul of K4350010 (Q): no CdModelePrevision; the forecast is not archived",
                "line 4: Simul of K4350010 (V, model M): grandeur 'V' (GrdSimul) is not imported, only H and Q;"
                        + " the forecast is not archived",
                "line 6: Simul of K4350010 (Q, model M): cannot parse DtProdSimul 'yesterday' — expected e.g."
                        + " 2010-02-26T13:10:00+01:00, 2010-02-26T13:10:00Z, or a local time in Europe/Paris"
                        + " written 2010-02-26T13:10:00; the forecast is not archived",
                "line 12: Simul of K435001010 (H, model M): Prev at 2024-01-15T11:00:00Z: PProbPrev '100' is not a"
                        + " probability strictly between 0 and 100 %",
                "line 13: Simul of K435001010 (H, model M): Prev at 2024-01-15T11:00:00Z: ResProbPrev gives a second"
                        + " value for the 10 % quantile",
                "line 15: Simul of K435001010 (H, model M): Prev at 2024-01-15T11:00:00Z repeats an earlier Prev of"
                        + " the same time",
                "line 16: Simul of K435001010 (H, model M): Prev at 2024-01-15T12:00:00Z has no ResMoyPrev,"
                        + " ResMinPrev, ResMaxPrev or ProbPrev",
                "line 21: Simul of K435001010 (H, model N): Prev at 2024-01-15T09:00:00Z is earlier than DtProdSimul"
                        + " (2024-01-15T10:00:00Z): a forecast cannot hold a value before its issue time"),
                describe(result));
        // ResMinPrev is the 10 % quantile: the ProbPrev at 10 % cannot replace it; 13:00 local is 12:00Z
        assertEquals(List.of(new Forecast("sandre:K435001010:H", "K435001010", Quantity.H, "M", "",
                Instant.parse("2024-01-15T10:00:00Z"), List.of(Duration.ofHours(1), Duration.ofHours(2)),
                new double[] {1.0, 1.1}, Map.of(0.1, new double[] {0.8, NaN}))), result.forecasts());
    }

    @Test
    void unexpectedElementsInsideContainersAreReportedAndSkipped() {
        SandreParseResult result = parseText("odd.xml", """
                <hydrometrie>
                  <Donnees>
                    <Series>
                      <Note>hand-written</Note>
                      <Serie><CdStationHydro>K1</CdStationHydro><GrdSerie>Q</GrdSerie><ObssHydro>
                        <ObsHydro><DtObsHydro>2024-01-15T10:00:00Z</DtObsHydro><ResObsHydro>5</ResObsHydro></ObsHydro>
                        <Obs/>
                      </ObssHydro></Serie>
                    </Series>
                  </Donnees>
                  <Extra/>
                </hydrometrie>""");

        assertEquals(List.of(0.005), result.observations().stream().map(Observation::value).toList());
        assertEquals(List.of(
                "line 4: <Note> in <Series> is not imported",
                "line 7: <Obs> in <ObssHydro> is not imported",
                "line 11: <Extra> in <hydrometrie> is not imported"), describe(result));
    }

    @Test
    void entityCodesThatAreNotSandreCodesAreReported() {
        SandreParseResult result = parseText("codes.xml", """
                <hydrometrie><Donnees>
                  <Series><Serie><CdStationHydro>K435 001010</CdStationHydro><GrdSerie>H</GrdSerie><ObssHydro>
                    <ObsHydro><DtObsHydro>2024-01-15T10:00:00Z</DtObsHydro><ResObsHydro>1</ResObsHydro></ObsHydro>
                  </ObssHydro></Serie></Series>
                  <ObssMeteo><ObsMeteo><CdGrdMeteo>RR</CdGrdMeteo><CdSiteMeteo>../45055001</CdSiteMeteo></ObsMeteo>
                  </ObssMeteo>
                  <ObssElabHydro><TypsDeGrdObsElabHydro><TypDeGrdObsElabHydro>QmJ</TypDeGrdObsElabHydro>
                    <ObsElabHydro><CdSiteHydro>K4350010K4350010K4350010</CdSiteHydro></ObsElabHydro>
                  </TypsDeGrdObsElabHydro></ObssElabHydro>
                  <Simuls><Simul><GrdSimul>Q</GrdSimul><CdSiteHydro>K-4350010</CdSiteHydro>
                    <CdModelePrevision>M</CdModelePrevision></Simul></Simuls>
                </Donnees></hydrometrie>""");

        assertTrue(result.observations().isEmpty());
        assertTrue(result.forecasts().isEmpty());
        assertEquals(List.of(
                "line 2: Serie of 'K435 001010': not a Sandre entity code (1 to 20 letters and digits); its 1"
                        + " observations are not imported",
                "line 5: ObsMeteo of ../45055001 (RR): not a Sandre entity code (1 to 20 letters and digits)",
                "line 8: ObsElabHydro (QmJ): 'K4350010K4350010K4350010' not a Sandre entity code (1 to 20 letters and"
                        + " digits)",
                "line 10: Simul of K-4350010 (Q, model M): not a Sandre entity code (1 to 20 letters and digits);"
                        + " the forecast is not archived"), describe(result));
    }

    private static List<String> describe(SandreParseResult result) {
        return result.errors().stream().map(ValueError::describe).toList();
    }
}
