package org.vigie.alert.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;
import org.vigie.api.spi.DeliveryResult.Outcome;

/** The email channel against a real SMTP server (GreenMail) on a free port. */
class EmailAlertChannelGreenMailTest {

    private GreenMail greenMail;

    private GreenMail start(int port, GreenMailConfiguration configuration) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(configuration);
        greenMail.start();
        return greenMail;
    }

    @AfterEach
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void deliversFrenchUtf8MailWithTheRecipientsSubjectAndMessageIdOfTheKey() throws Exception {
        int port = TestAlerts.freePort();
        start(port, GreenMailConfiguration.aConfig());
        Map<String, Object> config = TestAlerts.smtp(port);
        config.put("recipients", new String[] {"astreinte@orleans-metropole.fr, \"Dupont, Jean\" <jean.dupont@example.fr>"});
        config.put("recipientsOrange", new String[] {"dgs@orleans-metropole.fr"});
        config.put("recipientsRed", new String[] {"maire@orleans-metropole.fr"});
        config.put("subjectTemplate", "[Vigie {LEVEL}] {subject}");
        EmailAlertChannel channel = TestAlerts.channel(config);
        assertEquals("email", channel.id());

        AlertMessage alert = TestAlerts.orange("evt-1");
        DeliveryResult result = channel.deliver(alert);

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        MimeMessage[] received = greenMail.getReceivedMessages();
        // GreenMail keeps one copy per recipient: astreinte, Jean Dupont and the orange list, not the red one
        assertEquals(3, received.length);
        MimeMessage mail = received[0];
        assertEquals(List.of("astreinte@orleans-metropole.fr", "jean.dupont@example.fr", "dgs@orleans-metropole.fr"),
                Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((InternetAddress) a).getAddress()).toList());
        assertEquals("vigie@orleans-metropole.fr", ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertEquals("Vigie Orléans", ((InternetAddress) mail.getFrom()[0]).getPersonal());
        assertEquals("[Vigie ORANGE] Vigilance orange — La Loire à Orléans (K435001010)", mail.getSubject());
        assertEquals("<evt-1=2Femail.vigie@orleans-metropole.fr>", mail.getMessageID());
        assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());
        String body = (String) mail.getContent();
        assertTrue(body.startsWith(TestAlerts.BODY), body);
        assertTrue(body.contains("Référence : evt-1/email"), body);
        assertTrue(result.detail().contains("<evt-1=2Femail.vigie@orleans-metropole.fr>"), result.detail());
        assertEquals(Health.Status.UP, channel.health().status());
    }

    @Test
    void redAndItsEndReachTheRedList() throws Exception {
        int port = TestAlerts.freePort();
        start(port, GreenMailConfiguration.aConfig());
        Map<String, Object> config = TestAlerts.smtp(port);
        config.put("recipientsRed", new String[] {"maire@orleans-metropole.fr"});
        EmailAlertChannel channel = TestAlerts.channel(config);

        assertEquals(Outcome.DELIVERED, channel.deliver(TestAlerts.message("evt-r", VigilanceLevel.RED,
                VigilanceLevel.ORANGE)).outcome());
        assertEquals(Outcome.DELIVERED, channel.deliver(TestAlerts.message("evt-g", VigilanceLevel.GREEN,
                VigilanceLevel.RED)).outcome());
        assertEquals(Outcome.DELIVERED, channel.deliver(TestAlerts.message("evt-y", VigilanceLevel.YELLOW,
                VigilanceLevel.GREEN)).outcome());

        // red and its end reach the red list; yellow does not
        assertEquals(2, mailboxCount("maire@orleans-metropole.fr"));
        assertEquals(3, mailboxCount("astreinte@orleans-metropole.fr"));
    }

    /** How many messages GreenMail stored in that recipient's mailbox (it keeps a copy per envelope recipient). */
    private long mailboxCount(String address) throws Exception {
        var user = greenMail.getUserManager().getUserByEmail(address);
        return user == null ? 0 : greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    @Test
    void serverDownMeansRetryThenDeliveredOnceItIsBackAndNeverTwice() throws Exception {
        int port = TestAlerts.freePort();
        EmailAlertChannel channel = TestAlerts.channel(TestAlerts.smtp(port));
        AlertMessage alert = TestAlerts.orange("evt-2");

        for (int attempt = 0; attempt < 3; attempt++) {
            DeliveryResult down = channel.deliver(alert);
            assertEquals(Outcome.RETRY, down.outcome(), down.detail());
        }
        assertEquals(Health.Status.DEGRADED, channel.health().status());

        start(port, GreenMailConfiguration.aConfig());
        DeliveryResult back = channel.deliver(alert);
        assertEquals(Outcome.DELIVERED, back.outcome(), back.detail());
        // the outbox may call again (e.g. it could not record the confirmation): confirmed, not re-sent
        DeliveryResult again = channel.deliver(alert);
        assertEquals(Outcome.DELIVERED, again.outcome(), again.detail());
        assertTrue(again.detail().contains("not sent again"), again.detail());
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(Health.Status.UP, channel.health().status());

        // down again in the middle of a sequence of alerts: nothing lost, nothing doubled
        greenMail.stop();
        AlertMessage second = TestAlerts.orange("evt-3");
        assertEquals(Outcome.RETRY, channel.deliver(second).outcome());
        start(port, GreenMailConfiguration.aConfig());
        assertEquals(Outcome.DELIVERED, channel.deliver(second).outcome());
        assertEquals(Outcome.DELIVERED, channel.deliver(second).outcome());
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("<evt-3=2Femail.vigie@orleans-metropole.fr>", received[0].getMessageID());
    }

    @Test
    void authenticationFailureIsRetriedAndMarksTheChannelDown() throws Exception {
        int port = TestAlerts.freePort();
        start(port, GreenMailConfiguration.aConfig().withUser("vigie@orleans-metropole.fr", "vigie", "secret"));
        Map<String, Object> config = TestAlerts.smtp(port);
        config.put("username", "vigie");
        config.put("_password", "wrong-password");
        EmailAlertChannel wrong = TestAlerts.channel(config);

        DeliveryResult refused = wrong.deliver(TestAlerts.orange("evt-4"));

        assertEquals(Outcome.RETRY, refused.outcome(), refused.detail());
        assertTrue(refused.detail().startsWith("authentication failed"), refused.detail());
        assertTrue(!refused.detail().contains("wrong-password"), refused.detail());
        assertEquals(Health.Status.DOWN, wrong.health().status());
        assertTrue(!wrong.health().message().contains("wrong-password"));
        assertEquals(0, greenMail.getReceivedMessages().length);

        // the operator fixes the password: the waiting alert goes out
        config.put("_password", "secret");
        EmailAlertChannel fixed = TestAlerts.channel(config);
        assertEquals(Outcome.DELIVERED, fixed.deliver(TestAlerts.orange("evt-4")).outcome());
        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void aSilentServerIsARetryWithinTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Object> config = TestAlerts.smtp(silent.getLocalPort());
            config.put("readTimeoutSeconds", 1);
            EmailAlertChannel channel = TestAlerts.channel(config);
            long start = System.nanoTime();
            DeliveryResult result = channel.deliver(TestAlerts.orange("evt-5"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Outcome.RETRY, result.outcome(), result.detail());
            assertTrue(millis < 4000, "took " + millis + " ms");
        }
    }

    @Test
    void anUnroutableHostIsARetryWithinTheConnectionTimeout() {
        Map<String, Object> config = TestAlerts.smtp(25);
        config.put("host", "10.255.255.1"); // non-routable: the connection attempt hangs until the timeout
        config.put("connectionTimeoutSeconds", 1);
        EmailAlertChannel channel = TestAlerts.channel(config);
        long start = System.nanoTime();
        DeliveryResult result = channel.deliver(TestAlerts.orange("evt-6"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Outcome.RETRY, result.outcome(), result.detail());
        assertTrue(millis < 4000, "took " + millis + " ms");
    }
}
