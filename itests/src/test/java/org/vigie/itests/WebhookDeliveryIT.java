package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import com.sun.net.httpserver.HttpServer;
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
import org.vigie.api.service.PluginRegistry;

/**
 * Alerts delivered through the webhook channel to a real local HTTP receiver that is down at first (503) and whose
 * channel bundle is updated while alerts flow: every alert arrives once it is back, none lost, none accepted twice.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebhookDeliveryIT {
    private static final String DUTY_PASSWORD = "crue-de-1856-a-Orleans";

    /** Written by the receiver (test driver) and read by the test (in the framework): their classes differ. */
    private static final String ACCEPTED = "webhook-accepted.txt";
    /**
     * Requests refused before the receiver comes back. Small enough that the dispatcher's default back-off (5 s, then
     * 10 s) still delivers within the test's wait if FileInstall applies the test's faster outbox settings only
     * after the first attempts.
     */
    private static final int REFUSED_FIRST = 2;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("webhook");
        Path accepted = home.resolve(ACCEPTED);
        Files.writeString(accepted, "");
        AtomicInteger requests = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/vigie", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = requests.incrementAndGet() <= REFUSED_FIRST ? 503 : 200;
            if (status == 200) {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                synchronized (WebhookDeliveryIT.class) {
                    Files.writeString(accepted, key + "\n", StandardOpenOption.APPEND);
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> receiver.stop(0)));
        Files.writeString(home.resolve("config/org.vigie.web.security.config"), "users=[\"astreinte:"
                + org.vigie.api.PasswordHash.hash(DUTY_PASSWORD.toCharArray()) + "\"]\n");
        Files.writeString(home.resolve("config/org.vigie.alert.webhook-ops.config"), "channelId=\"webhook\"\n"
                + "url=\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/vigie\"\n"
                + ".secret=\"an-itest-secret-of-some-length\"\n");
        Files.writeString(home.resolve("config/org.vigie.core.outbox.config"),
                "pollMillis=L\"200\"\nfirstRetrySeconds=L\"1\"\nmaxRetrySeconds=L\"2\"\n");
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void everyAlertReachesTheReceiverOnceThroughOutagesAndABundleUpdate() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        AlertStore alerts = VigieDistribution.service(context, AlertStore.class);
        Await.until("the webhook channel registered", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals("webhook")));
        Path inbox = Files.createDirectories(home.resolve("data/inbox"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        drop(inbox, "K435001010", "1", "time,H\n" + now.minusSeconds(3600) + ",1.70\n");
        Await.until("the Loire's yellow alert", Duration.ofSeconds(20), () -> alerts.events(10), e -> e.size() == 1);

        Path jar = home.resolve("deploy/org.vigie.alert.webhook.jar");
        Path staged = home.resolve("webhook-staged.tmp");
        String newVersion = "0.1.0.update" + System.currentTimeMillis();
        VigieDistribution.rebuildWithVersion(jar, staged, newVersion);
        Files.move(staged, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        drop(inbox, "K435001010", "2", "time,H\n" + now + ",2.35\n");
        drop(inbox, "K437311001", "3", "time,H\n" + now + ",1.10\n");

        List<AlertEvent> events = Await.until("three alerts raised", Duration.ofSeconds(20), () -> alerts.events(10),
                e -> e.size() == 3);
        Await.until("the channel on its new build", Duration.ofSeconds(30), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals("webhook") && i.bundleVersion().equals(newVersion)));
        List<String> accepted = Await.until("every alert accepted by the receiver", Duration.ofSeconds(120),
                () -> lines(home.resolve(ACCEPTED)), keys -> keys.size() >= 3);
        Thread.sleep(1500);
        accepted = lines(home.resolve(ACCEPTED));
        assertEquals("each alert accepted exactly once: " + accepted, 3, accepted.size());
        for (AlertEvent event : events) {
            assertTrue(event.id() + " in " + accepted, accepted.stream().anyMatch(k -> k.startsWith(event.id())));
        }

        // the duty officer acknowledges the orange alert through the API: recorded once, in its audit trail
        String api = "http://localhost:" + context.getProperty("org.osgi.service.http.port") + "/api/alerts/";
        String orange = events.stream().filter(e -> e.level() == org.vigie.api.VigilanceLevel.ORANGE).findFirst()
                .orElseThrow().id();
        java.net.HttpURLConnection anonymous = (java.net.HttpURLConnection) new java.net.URL(api + orange
                + "/acknowledge?note=pris%20en%20compte").openConnection();
        anonymous.setRequestMethod("POST");
        assertEquals("acknowledging needs a logged-in user", 401, anonymous.getResponseCode());
        assertTrue(anonymous.getHeaderField("WWW-Authenticate").startsWith("Basic"));
        assertTrue(alerts.acknowledgement(orange).isEmpty());
        String credentials = "Basic " + java.util.Base64.getEncoder().encodeToString(("astreinte:" + DUTY_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.HttpURLConnection ack = (java.net.HttpURLConnection) new java.net.URL(api + orange
                + "/acknowledge?note=pris%20en%20compte").openConnection();
        ack.setRequestMethod("POST");
        ack.setRequestProperty("Authorization", credentials);
        assertEquals(202, ack.getResponseCode());
        assertEquals("the logged-in user", "astreinte", alerts.acknowledgement(orange).orElseThrow().by());
        assertTrue(alerts.audit(orange).stream().anyMatch(a -> a.action().equals("ACKNOWLEDGED")));
        java.net.HttpURLConnection unknown = (java.net.HttpURLConnection) new java.net.URL(api
                + "nope/acknowledge").openConnection();
        unknown.setRequestMethod("POST");
        unknown.setRequestProperty("Authorization", credentials);
        assertEquals(404, unknown.getResponseCode());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void drop(Path inbox, String station, String name, String csv) throws IOException {
        Path partial = inbox.resolve(station + "_hook" + name + ".csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(station + "_hook" + name + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }
}
