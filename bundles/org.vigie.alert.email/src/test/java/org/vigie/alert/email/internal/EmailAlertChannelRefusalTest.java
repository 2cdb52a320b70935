package org.vigie.alert.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;
import org.vigie.api.spi.DeliveryResult.Outcome;

/** Server answers GreenMail does not give: refused recipients, refused sender, refused message, lost answer. */
class EmailAlertChannelRefusalTest {

    private ScriptedSmtpServer server;
    private Map<String, Object> config;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedSmtpServer();
        config = TestAlerts.smtp(server.port());
        config.put("recipients", new String[] {"astreinte@orleans-metropole.fr", "inconnu@orleans-metropole.fr"});
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void oneRecipientRefusedPermanentlyStillDeliversToTheOthers() {
        server.rcptAnswer = a -> a.startsWith("inconnu") ? "550 5.1.1 no such user" : "250 OK";
        EmailAlertChannel channel = TestAlerts.channel(config);

        DeliveryResult result = channel.deliver(TestAlerts.orange("evt-10"));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("inconnu@orleans-metropole.fr (550 5.1.1 no such user)"), result.detail());
        assertEquals(1, server.received.size());
        assertEquals(List.of("astreinte@orleans-metropole.fr"), server.received.get(0).recipients());
        assertEquals(Health.Status.DEGRADED, channel.health().status());
    }

    @Test
    void everyRecipientRefusedPermanentlyIsRejected() {
        server.rcptAnswer = a -> "550 5.1.1 no such user";
        DeliveryResult result = TestAlerts.channel(config).deliver(TestAlerts.orange("evt-11"));
        assertEquals(Outcome.REJECTED, result.outcome(), result.detail());
        assertEquals(0, server.received.size());
    }

    @Test
    void aTemporaryRefusalIsRetriedForThatRecipientOnly() {
        server.rcptAnswer = a -> a.startsWith("inconnu") ? "450 4.2.1 mailbox busy" : "250 OK";
        EmailAlertChannel channel = TestAlerts.channel(config);
        AlertMessage alert = TestAlerts.orange("evt-12");

        DeliveryResult first = channel.deliver(alert);
        assertEquals(Outcome.RETRY, first.outcome(), first.detail());
        assertEquals(List.of("astreinte@orleans-metropole.fr"), server.received.get(0).recipients());

        server.rcptAnswer = a -> "250 OK";
        DeliveryResult second = channel.deliver(alert);
        assertEquals(Outcome.DELIVERED, second.outcome(), second.detail());
        assertEquals(2, server.received.size());
        assertEquals(List.of("inconnu@orleans-metropole.fr"), server.received.get(1).recipients());
        // both copies are the same message: same Message-ID, both recipients in To
        for (ScriptedSmtpServer.Received r : server.received) {
            assertTrue(r.data().contains("Message-ID: <evt-12=2Femail.vigie@orleans-metropole.fr>"), r.data());
            assertTrue(r.data().contains("inconnu@orleans-metropole.fr"), r.data());
        }
        assertEquals(Outcome.DELIVERED, channel.deliver(alert).outcome());
        assertEquals(2, server.received.size());
    }

    @Test
    void aRefusedSenderIsAConfigurationProblemSoItIsRetried() {
        server.mailAnswer = "553 5.7.1 sender not allowed";
        EmailAlertChannel channel = TestAlerts.channel(config);
        DeliveryResult result = channel.deliver(TestAlerts.orange("evt-13"));
        assertEquals(Outcome.RETRY, result.outcome(), result.detail());
        assertEquals(Health.Status.DOWN, channel.health().status());
    }

    @Test
    void aRefusedMessageIsRejectedAndATemporaryRefusalRetried() {
        server.dataEndAnswer = "554 5.6.0 content refused";
        assertEquals(Outcome.REJECTED, TestAlerts.channel(config).deliver(TestAlerts.orange("evt-14")).outcome());
        server.dataEndAnswer = "451 4.3.0 try later";
        assertEquals(Outcome.RETRY, TestAlerts.channel(config).deliver(TestAlerts.orange("evt-15")).outcome());
        assertEquals(0, server.received.size());
    }

    @Test
    void aLostAnswerAfterTheMessageIsARetryWithTheSameMessageId() {
        // the server took the message but the connection dropped before its 250: the one case SMTP cannot settle
        server.dataEndAnswer = ScriptedSmtpServer.DROP;
        EmailAlertChannel channel = TestAlerts.channel(config);
        AlertMessage alert = TestAlerts.orange("evt-16");
        assertEquals(Outcome.RETRY, channel.deliver(alert).outcome());
        server.dataEndAnswer = "250 OK";
        assertEquals(Outcome.DELIVERED, channel.deliver(alert).outcome());
        assertEquals(2, server.received.size());
        String id = "Message-ID: <evt-16=2Femail.vigie@orleans-metropole.fr>";
        assertTrue(server.received.get(0).data().contains(id) && server.received.get(1).data().contains(id));
    }

    @Test
    void invalidAddressesInTheMessageAreSkippedAndNoValidOneIsRejected() {
        EmailAlertChannel channel = TestAlerts.channel(config);
        AlertMessage base = TestAlerts.orange("evt-17");
        AlertMessage bad = new AlertMessage(base.idempotencyKey(), base.event(), List.of("pas une adresse"),
                base.subject(), base.body());
        assertEquals(Outcome.REJECTED, channel.deliver(bad).outcome());
        AlertMessage mixed = new AlertMessage("evt-18/email", base.event(),
                List.of("pas une adresse", "elu@orleans-metropole.fr"), base.subject(), base.body());
        assertEquals(Outcome.DELIVERED, channel.deliver(mixed).outcome());
        assertEquals(List.of("elu@orleans-metropole.fr"), server.received.get(0).recipients());
    }
}
