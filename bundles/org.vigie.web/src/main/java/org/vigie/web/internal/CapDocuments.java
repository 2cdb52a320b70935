package org.vigie.web.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vigie.api.AlertEvent;
import org.vigie.api.Catchment;
import org.vigie.api.Forecast;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Station;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ForecastArchive;
import org.vigie.cap.internal.CapAlert;
import org.vigie.cap.internal.CapAtomFeedWriter;
import org.vigie.cap.internal.CapReference;
import org.vigie.cap.internal.CapSettings;
import org.vigie.cap.internal.CapTimes;
import org.vigie.cap.internal.CapWriter;
import org.vigie.cap.internal.VigieAlert;
import org.vigie.cap.internal.VigieCapFactory;

/**
 * Vigie's alerts as CAP 1.2: one document per alert event and an Atom feed of the latest ones. A document is a pure
 * function of the stored event (same event, same document); an update cites the earlier messages of its episode, a
 * forecast-based alert carries the forecast's probability of exceeding the threshold as its certainty.
 */
final class CapDocuments {

    /** How many events the feed lists and how far back an episode's references are looked for. */
    static final int FEED_SIZE = 50;

    private final CatchmentRegistry catchments;
    private final AlertStore alerts;
    private final ForecastArchive forecasts;
    private final CapSettings settings;
    private final VigieCapFactory factory;

    CapDocuments(CatchmentRegistry catchments, AlertStore alerts, ForecastArchive forecasts, String sender) {
        this.catchments = catchments;
        this.alerts = alerts;
        this.forecasts = forecasts;
        this.settings = CapSettings.of(sender, "Vigie");
        this.factory = new VigieCapFactory(settings);
    }

    Optional<byte[]> document(String eventId) {
        return alerts.event(eventId).map(event -> new CapWriter().write(cap(event, alerts.events(FEED_SIZE))));
    }

    byte[] feed(URI base) {
        List<AlertEvent> recent = alerts.events(FEED_SIZE);
        List<CapAlert> documents = new ArrayList<>();
        for (AlertEvent event : recent) {
            documents.add(cap(event, recent));
        }
        Instant updated = recent.isEmpty() ? Instant.EPOCH : recent.get(0).createdAt();
        CapAtomFeedWriter.Feed feed = new CapAtomFeedWriter.Feed(base.resolve("alerts.atom").toString(),
                "Vigie — alertes de vigilance crues", base.resolve("alerts.atom"), "Vigie", "fr-FR");
        return new CapAtomFeedWriter().write(feed, documents,
                alert -> base.resolve("alerts/" + alert.identifier().substring(settings.identifierPrefix().length())),
                updated);
    }

    private CapAlert cap(AlertEvent event, List<AlertEvent> recent) {
        Optional<Station> station = catchments.station(event.stationCode());
        Optional<Catchment> catchment = catchments.catchments().stream()
                .filter(c -> c.stations().stream().anyMatch(s -> s.code().equals(event.stationCode()))).findFirst();
        VigieAlert alert = VigieAlert.of(event, station.map(Station::name).orElse(event.stationCode()),
                        catchment.map(Catchment::name).orElse(""))
                .withStationPosition(station.map(Station::position).orElse(null))
                .withReferences(earlierInEpisode(event, recent));
        if (catchment.isPresent() && !catchment.get().area().isEmpty()) {
            // the catchment's outline; without one, the CAP area is a circle around the station
            alert = alert.withArea(List.of(catchment.get().area()));
        }
        if (event.basis() == AlertEvent.Basis.FORECAST && event.threshold() != null) {
            alert = alert.withExceedanceProbability(exceedance(event).orElse(null));
        }
        return factory.create(alert);
    }

    /** The events of the same station since its episode was raised, before this one (newest first in the store). */
    private List<CapReference> earlierInEpisode(AlertEvent event, List<AlertEvent> recent) {
        if (event.transition() == AlertEvent.Transition.RAISED) {
            return List.of();
        }
        List<CapReference> references = new ArrayList<>();
        for (AlertEvent earlier : recent) {
            if (!earlier.stationCode().equals(event.stationCode()) || !earlier.createdAt().isBefore(event.createdAt())) {
                continue;
            }
            references.add(0, new CapReference(settings.sender(), settings.identifierPrefix() + earlier.id(),
                    CapTimes.utc(earlier.createdAt())));
            if (earlier.transition() == AlertEvent.Transition.RAISED) {
                break;
            }
        }
        return references;
    }

    /** The latest forecast's probability of exceeding the event's threshold at the event's valid time. */
    private Optional<Double> exceedance(AlertEvent event) {
        for (ForecastPoint point : catchments.forecastPoints()) {
            if (!point.stationCode().equals(event.stationCode())) {
                continue;
            }
            for (String id : List.of(point.id(), point.id() + "/H")) {
                Optional<Forecast> latest = forecasts.latest(id);
                if (latest.isEmpty() || latest.get().quantity() != event.quantity()) {
                    continue;
                }
                Forecast f = latest.get();
                for (int i = 0; i < f.size(); i++) {
                    if (f.validTime(i).equals(event.valueTime())) {
                        double p = f.exceedanceProbabilities(event.threshold().value())[i];
                        return Double.isNaN(p) ? Optional.empty() : Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
