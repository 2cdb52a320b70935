package org.vigie.alert.email.internal;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vigie.api.AlertEvent;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertMessage;

/** Alerts and configurations for the tests. */
final class TestAlerts {

    static final String BODY = "Vigilance orange — La Loire à Orléans : 4,35 m prévus mardi 14 h (probabilité 70 %)";

    private TestAlerts() {
    }

    static AlertMessage orange(String eventId) {
        return message(eventId, VigilanceLevel.ORANGE, VigilanceLevel.YELLOW);
    }

    static AlertMessage message(String eventId, VigilanceLevel level, VigilanceLevel previous) {
        AlertEvent event = new AlertEvent(eventId, "K435001010", AlertEvent.Transition.between(previous, level), level,
                previous, AlertEvent.Basis.FORECAST, Quantity.H, 4.35, Instant.parse("2026-03-10T13:00:00Z"),
                level == VigilanceLevel.GREEN ? null
                        : new Threshold("K435001010", Quantity.H, level, 4.0, "seuil"),
                Instant.parse("2026-03-10T08:00:00Z"), BODY);
        return new AlertMessage(eventId + "/email", event, List.of(),
                "Vigilance " + level.french() + " — La Loire à Orléans (K435001010)", BODY);
    }

    /** A configuration: the given values, the annotation's defaults for the others. */
    static EmailChannelConfig config(Map<String, ?> values) {
        return (EmailChannelConfig) Proxy.newProxyInstance(EmailChannelConfig.class.getClassLoader(),
                new Class<?>[] {EmailChannelConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "config" : null;
                    }
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    /** A plain SMTP configuration to 127.0.0.1:{@code port} with short timeouts. */
    static Map<String, Object> smtp(int port) {
        Map<String, Object> c = new HashMap<>();
        c.put("host", "127.0.0.1");
        c.put("port", port);
        c.put("tls", "NONE");
        c.put("from", "Vigie Orléans <vigie@orleans-metropole.fr>");
        c.put("recipients", new String[] {"astreinte@orleans-metropole.fr"});
        c.put("connectionTimeoutSeconds", 2);
        c.put("readTimeoutSeconds", 2);
        return c;
    }

    static EmailAlertChannel channel(Map<String, Object> values) {
        return new EmailAlertChannel(config(values), Map.of("service.pid", "org.vigie.alert.email"));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
