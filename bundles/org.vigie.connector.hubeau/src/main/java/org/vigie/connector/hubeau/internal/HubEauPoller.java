package org.vigie.connector.hubeau.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;

/**
 * One poll of Hub'Eau for one station: for each quantity, reads {@code observations_tr} from its watermark, follows
 * the {@code next} cursor and hands every page to the sink.
 *
 * <p>The watermark of a quantity is the latest observation time delivered; each poll re-reads from one hour before
 * it (Hub'Eau publishes late and revises recent values; the store is idempotent, so the overlap is harmless), or
 * from the look-back when nothing was delivered yet. It moves only once every page of the poll has been ingested:
 * Hub'Eau returns the newest values first, so a failure part-way must make the next poll read the whole span again.
 * A Hub'Eau outage or a store failure thus never loses data: the next successful poll back-fills the gap.
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
final class HubEauPoller {

    static final Duration OVERLAP = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(HubEauPoller.class);

    private final String stationCode;
    private final URI baseUri;
    private final List<Quantity> quantities;
    private final int pageSize;
    private final Duration lookback;
    private final int maxRetries;
    private final HubEauClient client;
    private final HubEauResponseParser parser;
    private final ObservationSink sink;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private final Map<Quantity, Instant> watermarks = new EnumMap<>(Quantity.class);
    private Instant lastActivity;

    HubEauPoller(String stationCode, URI baseUri, List<Quantity> quantities, int pageSize, Duration lookback,
                 int maxRetries, HubEauClient client, HubEauResponseParser parser, ObservationSink sink, Clock clock,
                 BooleanSupplier stopRequested) {
        this.stationCode = stationCode;
        this.baseUri = baseUri;
        this.quantities = List.copyOf(quantities);
        this.pageSize = pageSize;
        this.lookback = lookback;
        this.maxRetries = maxRetries;
        this.client = client;
        this.parser = parser;
        this.sink = sink;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /**
     * @return the health this poll showed: UP, or DEGRADED naming each quantity that could not be brought up to date
     * @throws InterruptedException when the connector is stopping
     */
    Health pollOnce() throws InterruptedException {
        RetryBudget budget = new RetryBudget(maxRetries);
        List<String> problems = new ArrayList<>();
        for (Quantity quantity : quantities) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            try {
                pollQuantity(quantity, budget);
            } catch (SourceUnavailableException e) {
                problems.add(quantity + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // ObservationSink signals a store outage with StoreException; anything else from it is alike here
                LOG.debug("{} {}: ingest failed", stationCode, quantity, e);
                problems.add(quantity + ": store unavailable, will read again from " + since(quantity) + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return problems.isEmpty()
                ? new Health(Health.Status.UP, "", lastActivity)
                : new Health(Health.Status.DEGRADED, String.join("; ", problems), lastActivity);
    }

    private void pollQuantity(Quantity quantity, RetryBudget budget)
            throws SourceUnavailableException, InterruptedException {
        Instant newest = watermarks.get(quantity);
        Set<URI> visited = new HashSet<>();
        AppendResult appended = AppendResult.NONE;
        int pages = 0;
        Optional<URI> pageUri = Optional.of(firstPageUri(quantity, since(quantity)));
        while (pageUri.isPresent() && !stopRequested.getAsBoolean()) {
            URI uri = pageUri.get();
            if (!visited.add(uri)) {
                // a cursor pointing back to a page already read would loop forever
                LOG.warn("{} {}: Hub'Eau cursor loops back to {}; stopping this poll there", stationCode, quantity,
                        uri);
                break;
            }
            HubEauPage page = client.get(uri, body -> parser.parse(body, clock.instant()), budget);
            pages++;
            if (!page.observations().isEmpty()) {
                appended = appended.plus(sink.ingest(page.observations()));
                lastActivity = clock.instant();
                for (Observation observation : page.observations()) {
                    if (newest == null || observation.time().isAfter(newest)) {
                        newest = observation.time();
                    }
                }
            }
            pageUri = page.rowCount() == 0 ? Optional.empty() : page.next();
        }
        if (stopRequested.getAsBoolean()) {
            return;
        }
        if (newest != null) {
            watermarks.put(quantity, newest);
        }
        LOG.debug("{} {}: {} pages, {} observations stored, {} duplicates; watermark {}", stationCode, quantity,
                pages, appended.stored(), appended.duplicates(), newest);
    }

    /** @return where the next poll of {@code quantity} starts reading */
    Instant since(Quantity quantity) {
        Instant watermark = watermarks.get(quantity);
        return watermark == null
                ? clock.instant().minus(lookback).truncatedTo(ChronoUnit.SECONDS)
                : watermark.minus(OVERLAP);
    }

    /** @return the latest observation time of {@code quantity} delivered by a completed poll */
    Optional<Instant> watermark(Quantity quantity) {
        return Optional.ofNullable(watermarks.get(quantity));
    }

    URI firstPageUri(Quantity quantity, Instant since) {
        return URI.create(baseUri + "/observations_tr"
                + "?code_entite=" + encode(stationCode)
                + "&grandeur_hydro=" + quantity.name()
                + "&date_debut_obs=" + encode(since.truncatedTo(ChronoUnit.SECONDS).toString())
                + "&size=" + pageSize);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
