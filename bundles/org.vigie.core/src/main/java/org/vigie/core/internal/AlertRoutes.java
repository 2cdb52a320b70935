package org.vigie.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vigie.api.AlertEvent;
import org.vigie.api.VigilanceLevel;

/**
 * Which channels an alert goes to, by catchment and level: entries
 * {@code <catchment id or *>/<lowest level>/<channel>}, e.g. {@code orleans/ORANGE/email:cabinet}, with a star for
 * every catchment. A channel named by no route receives every alert; a channel named by routes receives the alerts one
 * of them matches. An alert's level for routing is the
 * higher of its level and the level it leaves, so the end of a red alert reaches those who were told of it.
 */
final class AlertRoutes {

    static final AlertRoutes NONE = new AlertRoutes(List.of());

    private record Route(String catchment, VigilanceLevel minimum, String channel) {
    }

    private final List<Route> routes;

    private AlertRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** @throws IllegalArgumentException naming the entry that cannot be read */
    static AlertRoutes parse(String[] entries) {
        List<Route> routes = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("/", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("route '" + entry + "' is not <catchment or *>/<level>/<channel>");
            }
            VigilanceLevel minimum;
            try {
                minimum = VigilanceLevel.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route '" + entry + "': level must be YELLOW, ORANGE or RED", e);
            }
            routes.add(new Route(parts[0].trim(), minimum, parts[2].trim()));
        }
        return new AlertRoutes(routes);
    }

    /**
     * @param candidates the channels the alert could go to (configured and registered)
     * @param catchments the ids of the catchments the alert's station belongs to
     */
    Set<String> channelsFor(AlertEvent event, Collection<String> catchments, Collection<String> candidates) {
        VigilanceLevel level = event.level().compareTo(event.previousLevel()) >= 0 ? event.level()
                : event.previousLevel();
        Set<String> chosen = new LinkedHashSet<>();
        for (String channel : candidates) {
            List<Route> own = routes.stream().filter(r -> r.channel.equals(channel)).toList();
            if (own.isEmpty() || own.stream().anyMatch(r -> (r.catchment.equals("*")
                    || catchments.contains(r.catchment)) && level.compareTo(r.minimum) >= 0)) {
                chosen.add(channel);
            }
        }
        return chosen;
    }
}
