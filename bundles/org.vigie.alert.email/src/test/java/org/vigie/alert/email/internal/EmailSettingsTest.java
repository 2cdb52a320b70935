package org.vigie.alert.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.DeliveryResult.Outcome;

class EmailSettingsTest {

    @Test
    void defaultsFollowTheTlsModeAndTheConfigurationName() {
        Map<String, Object> c = TestAlerts.smtp(0);
        c.remove("tls");
        EmailSettings s = EmailSettings.of(TestAlerts.config(c), Map.of("service.pid", "org.vigie.alert.email"));
        assertEquals("email", s.channelId());
        assertEquals(TlsMode.STARTTLS, s.tls());
        assertEquals(587, s.port());
        assertEquals("orleans-metropole.fr", s.messageIdDomain());
        assertTrue(s.errors().isEmpty(), s.errors().toString());

        c.put("tls", "ssl");
        EmailSettings factory = EmailSettings.of(TestAlerts.config(c), Map.of("service.factoryPid",
                "org.vigie.alert.email", "service.pid", "org.vigie.alert.email~astreinte"));
        assertEquals("email:astreinte", factory.channelId());
        assertEquals(465, factory.port());
        EmailSettings file = EmailSettings.of(TestAlerts.config(c), Map.of("service.factoryPid",
                "org.vigie.alert.email", "service.pid", "org.vigie.alert.email.4f2a",
                "felix.fileinstall.filename", "file:/opt/vigie/config/org.vigie.alert.email-elus.config"));
        assertEquals("email:elus", file.channelId());
    }

    @Test
    void configurationErrorsMakeTheChannelDownAndAlertsWait() {
        Map<String, Object> c = new HashMap<>();
        c.put("recipients", new String[] {"pas une adresse"});
        c.put("tls", "maybe");
        c.put("_password", "s3cret");
        EmailAlertChannel channel = TestAlerts.channel(c);
        Health health = channel.health();
        assertEquals(Health.Status.DOWN, health.status());
        assertTrue(health.message().contains("host is not set"), health.message());
        assertTrue(health.message().contains("from is not set"), health.message());
        assertTrue(health.message().contains("tls must be"), health.message());
        assertTrue(health.message().contains("no valid recipient"), health.message());
        assertFalse(health.message().contains("s3cret"));
        assertEquals(Outcome.RETRY, channel.deliver(TestAlerts.orange("evt-20")).outcome());
    }

    @Test
    void levelListsAddUpToTheLevel() {
        Map<String, Object> c = TestAlerts.smtp(25);
        c.put("recipientsYellow", new String[] {"y@x.fr"});
        c.put("recipientsOrange", new String[] {"o@x.fr, astreinte@orleans-metropole.fr"});
        c.put("recipientsRed", new String[] {"r@x.fr", "pas une adresse"});
        EmailSettings s = EmailSettings.of(TestAlerts.config(c), Map.of());
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertEquals(List.of("astreinte@orleans-metropole.fr"), addresses(s, VigilanceLevel.GREEN));
        assertEquals(List.of("astreinte@orleans-metropole.fr", "y@x.fr"), addresses(s, VigilanceLevel.YELLOW));
        assertEquals(List.of("astreinte@orleans-metropole.fr", "y@x.fr", "o@x.fr"),
                addresses(s, VigilanceLevel.ORANGE));
        assertEquals(List.of("astreinte@orleans-metropole.fr", "y@x.fr", "o@x.fr", "r@x.fr"),
                addresses(s, VigilanceLevel.RED));
        assertFalse(s.toString().contains("password"));
    }

    @Test
    void messageIdsAreInjectiveDotAtoms() {
        assertEquals("evt-1=2Femail=3Aastreinte", MessageIds.encode("evt-1/email:astreinte"));
        assertEquals("a=3D2F", MessageIds.encode("a=2F"));
        assertEquals("=C3=A9", MessageIds.encode("é"));
        assertEquals("<k.vigie@example.fr>", MessageIds.of("k", "example.fr"));
    }

    private static List<String> addresses(EmailSettings s, VigilanceLevel level) {
        return s.recipientsFor(level).stream().map(a -> a.getAddress()).toList();
    }
}
