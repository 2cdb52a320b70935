package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.model.gr.internal.core.GrModel;
import org.xml.sax.InputSource;

class HindcastReportTest {

    private static SyntheticCatchment catchment;
    private static HindcastExperiment.Result result;
    private static ReportContext context;

    @BeforeAll
    static void runASmallExperiment() {
        System.setProperty("java.awt.headless", "true");
        catchment = new SyntheticCatchment(8760 + 4000, 9);
        ChainSettings settings = ChainSettings.defaults(GrModel.GR4H, 0, 6000, 8760, 8760 + 3900, 12)
                .withParameters(SyntheticCatchment.MODEL.values()).withThresholds(0.3).withEvents(2);
        result = HindcastExperiment.run(new HindcastExperiment.Series(catchment.times, catchment.precipitation,
                catchment.evaporation, catchment.observed), settings, null, HindcastProgressListener.IGNORE, null);
        context = new ReportContext("Synthetic", catchment.times, "m³/s", 2.5, "h", List.of("synthetic input"));
    }

    @Test
    void metricsHaveOneRowPerLeadWithTheRequiredColumns() {
        String[] rows = HindcastReport.metricsCsv(result.verification(), context).split("\n");
        assertEquals(13, rows.length);
        List<String> header = List.of(rows[0].split(","));
        assertTrue(header.containsAll(List.of("lead", "nse", "kge", "bias", "coverage_10_90", "nse_persistence",
                "nse_no_update", "pod_0.75", "far_0.75", "csi_0.75", "brier_0.75")), header.toString());
        assertTrue(rows[1].startsWith("1,"));
        assertTrue(rows[12].startsWith("12,"));
        assertEquals(header.size(), rows[5].split(",").length);
    }

    @Test
    void htmlReportHasWellFormedSvgPlots() throws Exception {
        String html = HindcastReport.html(result, context);
        assertTrue(html.contains("Skill against lead time"));
        int charts = 0;
        for (int at = html.indexOf("<svg"); at >= 0; at = html.indexOf("<svg", at + 1)) {
            String svg = html.substring(at, html.indexOf("</svg>", at) + 6);
            assertNotNull(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(svg))));
            charts++;
        }
        assertEquals(2 + result.verification().events().size(), charts, "skill, coverage and one per event");
    }

    @Test
    void markdownReportWritesPngPlots(@TempDir Path directory) throws Exception {
        Path report = directory.resolve("report.md");
        String markdown = HindcastReport.markdown(result, context, report, directory.resolve("report_files"));
        assertTrue(markdown.contains("![skill](report_files/skill.png)"), markdown);
        var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(directory.resolve(
                "report_files/skill.png"))));
        assertEquals(Chart.WIDTH, image.getWidth());
        assertEquals(Chart.HEIGHT, image.getHeight());
    }

    @Test
    void archiveStreamsEveryForecastWithBandAndProbabilities() {
        StringWriter out = new StringWriter();
        ForecastArchive archive = new ForecastArchive(out, catchment.times, catchment.observed, result.uncertainty(),
                new double[] {0.1, 0.5, 0.9}, new double[] {0.3}, 2.5);
        GrpForecaster forecaster = GrpForecaster.withCorrection(result.parameters(), ResetPolicy.MATCH_TOTAL,
                result.errorModel());
        new Hindcast(forecaster).run(new Hindcast.Inputs(catchment.precipitation, catchment.evaporation,
                catchment.observed), GrModel.GR4H.defaultInitialState(result.parameters()),
                new Hindcast.Period(0, 100, 110, 6, RainfallScenario.OBSERVED), archive,
                HindcastProgressListener.IGNORE, "test");
        String[] rows = out.toString().split("\n");
        assertEquals("issue_time,lead,time,forecast,q10,q50,q90,no_update,model,observed,p_exceed_0.75", rows[0]);
        assertEquals(1 + 10 * 6, rows.length);
        String[] first = rows[1].split(",");
        assertEquals(catchment.times[101].toString(), first[0]);
        assertEquals("1", first[1]);
        double q10 = Double.parseDouble(first[4]);
        double q90 = Double.parseDouble(first[6]);
        assertTrue(q10 <= Double.parseDouble(first[5]) && Double.parseDouble(first[5]) <= q90);
    }

    @Test
    void niceAxisSteps() {
        assertEquals(0.2, Chart.niceStep(0.16), 1e-12);
        assertEquals(500, Chart.niceStep(420), 1e-9);
        assertEquals(1, Chart.niceStep(1), 1e-12);
    }
}
