package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
 * With the SMTP server down while alerts are raised, every alert is delivered once it comes back — none lost, none
 * duplicated. The server is a real one (GreenMail) that the test driver starts late, on a port fixed in advance.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmailDeliveryIT {

    /** Written by the driver (which owns the SMTP server) and read by the test in the framework. */
    private static final String RECEIVED = "smtp-received.txt";
    private static final String SERVER_UP = "smtp-up.txt";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("email");
        int port = VigieDistribution.freePort();
        Files.writeString(home.resolve("config/org.vigie.alert.email.config"), "host=\"127.0.0.1\"\nport=I\"" + port
                + "\"\ntls=\"NONE\"\nfrom=\"vigie@localhost\"\nrecipients=[\"astreinte@localhost\"]\n"
                + "connectionTimeoutSeconds=I\"2\"\nreadTimeoutSeconds=I\"2\"\n");
        Files.writeString(home.resolve("config/org.vigie.core.outbox.config"),
                "pollMillis=L\"200\"\nfirstRetrySeconds=L\"1\"\nmaxRetrySeconds=L\"2\"\n");
        // down for the first seconds of the test, then up; what it receives is written out for the framework side
        Thread server = new Thread(() -> {
            try {
                while (!Files.exists(home.resolve("smtp-start-requested"))) {
                    Thread.sleep(100);
                }
                GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
                Files.writeString(home.resolve(SERVER_UP), "up");
                Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
                while (true) {
                    List<String> ids = new ArrayList<>();
                    for (MimeMessage message : mail.getReceivedMessages()) {
                        ids.add(message.getMessageID());
                    }
                    Files.write(home.resolve(RECEIVED + ".tmp"), ids);
                    Files.move(home.resolve(RECEIVED + ".tmp"), home.resolve(RECEIVED),
                            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                // the JVM is ending
            }
        }, "itest-smtp");
        server.setDaemon(true);
        server.start();
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void everyAlertRaisedWhileTheServerIsDownIsDeliveredOnceItReturns() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        AlertStore alerts = VigieDistribution.service(context, AlertStore.class);
        Path inbox = Files.createDirectories(home.resolve("data/inbox"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        drop(inbox, "K435001010", "1", "time,H\n" + now.minusSeconds(3600) + ",1.70\n");
        Await.until("the Loire's yellow alert", Duration.ofSeconds(20), () -> alerts.events(10), e -> e.size() == 1);
        drop(inbox, "K435001010", "2", "time,H\n" + now + ",2.35\n");
        drop(inbox, "K437311001", "3", "time,H\n" + now + ",1.10\n");
        List<AlertEvent> events = Await.until("three alerts raised", Duration.ofSeconds(20), () -> alerts.events(10),
                e -> e.size() == 3);
        Thread.sleep(3000); // several delivery attempts against the closed port
        assertTrue("the server is still down", !Files.exists(home.resolve(SERVER_UP)));
        assertTrue("nothing delivered while it is down", alerts.deliveries(events.get(0).id()).stream()
                .filter(d -> d.channelId().startsWith("email")).noneMatch(d -> d.status().name().equals("DELIVERED")));

        Files.writeString(home.resolve("smtp-start-requested"), "now");
        // the dispatcher's back-off may still be the default one (up to 40 s) if the test's settings came late
        List<String> received = Await.until("the three alerts received", Duration.ofSeconds(120),
                () -> lines(home.resolve(RECEIVED)), ids -> ids.size() >= 3);
        Thread.sleep(1500);
        received = lines(home.resolve(RECEIVED));
        assertEquals("each alert exactly once: " + received, 3, received.size());
        assertEquals("three different alerts", 3, received.stream().distinct().count());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList()
                    : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void drop(Path inbox, String station, String name, String csv) throws IOException {
        Path partial = inbox.resolve(station + "_mail" + name + ".csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(station + "_mail" + name + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }
}
