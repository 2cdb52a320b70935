package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.inject.Inject;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.AlertEvent;
import org.vigie.api.service.AlertStore;

/**
 * Alerts raised on the running platform are served as CAP 1.2: an Atom feed and one document per alert, each valid
 * against the official schema (read from the shared data beside the checkout; validation skipped, saying so, when
 * it is absent), the escalation citing the alert it follows.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CapFeedIT {

    private static final String LOIRE = "K435001010";
    private static final Path SCHEMA = Path.of("../../shared/data/cap-1.2/CAP-v1.2.xsd");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return VigieDistribution.options(VigieDistribution.freshCopy("cap"), VigieDistribution.freePort());
    }

    @Test
    public void raisedAndEscalatedAlertsAreServedAsValidCapDocumentsAndAFeed() throws Exception {
        Path inbox = Files.createDirectories(Path.of(context.getProperty("vigie.home")).resolve("data/inbox"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // the Loire at Orléans rising through yellow (1.50 m), then orange (2.20 m) an hour later
        AlertStore alerts = VigieDistribution.service(context, AlertStore.class);
        drop(inbox, "1", "time,H\n" + now.minusSeconds(7200) + ",1.20\n" + now.minusSeconds(3600) + ",1.70\n");
        Await.until("the Loire's yellow alert", Duration.ofSeconds(30), () -> alerts.events(10), e -> e.size() == 1);
        drop(inbox, "2", "time,H\n" + now + ",2.35\n");
        List<AlertEvent> events = Await.until("the Loire's yellow then orange alerts", Duration.ofSeconds(30),
                () -> alerts.events(10), e -> e.size() >= 2);
        AlertEvent escalation = events.get(0);
        AlertEvent raised = events.get(1);
        assertEquals(AlertEvent.Transition.RAISED, raised.transition());

        String api = "http://localhost:" + context.getProperty("org.osgi.service.http.port") + "/api/cap";
        String feed = new String(get(api + "/alerts.atom", "application/atom+xml"), StandardCharsets.UTF_8);
        assertTrue(feed, feed.contains("<feed") && feed.contains("/api/cap/alerts/" + raised.id()));
        byte[] first = get(api + "/alerts/" + raised.id(), "application/cap+xml");
        byte[] second = get(api + "/alerts/" + escalation.id(), "application/cap+xml");
        String escalated = new String(second, StandardCharsets.UTF_8);
        assertTrue(escalated, escalated.contains("<severity>Severe</severity>")
                && escalated.contains("<references>") && escalated.contains(raised.id()));
        assertTrue(escalated, escalated.contains("<certainty>Observed</certainty>"));
        assertTrue("the catchment's outline as the CAP polygon, latitude first: " + escalated,
                escalated.contains("<polygon>47.93,1.78 47.98,1.9"));
        assertTrue("times carry an offset, never Z", !escalated.contains("Z</sent>"));
        if (Files.isReadable(SCHEMA)) {
            var schema = SchemaFactory.newDefaultInstance().newSchema(SCHEMA.toFile());
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(first)));
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(second)));
        } else {
            System.out.println("CAP schema validation skipped: " + SCHEMA.toAbsolutePath() + " not found");
        }
        HttpURLConnection missing = (HttpURLConnection) new URL(api + "/alerts/no-such-alert").openConnection();
        assertEquals(404, missing.getResponseCode());
    }

    private static void drop(Path inbox, String name, String csv) throws IOException {
        Path partial = inbox.resolve(LOIRE + "_cap" + name + ".csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(LOIRE + "_cap" + name + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] get(String url, String expectedType) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        assertEquals(url, 200, http.getResponseCode());
        assertTrue(http.getContentType(), http.getContentType().startsWith(expectedType));
        try (InputStream in = http.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
