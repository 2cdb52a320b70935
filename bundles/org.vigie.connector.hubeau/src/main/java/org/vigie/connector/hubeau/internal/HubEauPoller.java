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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.Quantity;
import org.vigie.api.service.ObservationSink;

/**
 * One poll of Hub'Eau's real-time feed for one station: for each quantity, reads {@code observations_tr} from its
 * watermark, follows the {@code next} cursor and hands every page to the sink ({@link CursorPaging}).
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
    /** Prefix of this feed's problems in the connector's health message. */
    static final String FEED = "real-time";

    private static final Logger LOG = LoggerFactory.getLogger(HubEauPoller.class);

    private final String stationCode;
    private final URI baseUri;
    private final List<Quantity> quantities;
    private final int pageSize;
    private final Duration lookback;
    private final int maxRetries;
    private final HubEauResponseParser parser;
    private final CursorPaging paging;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private final Map<Quantity, Instant> watermarks = new EnumMap<>(Quantity.class);

    HubEauPoller(String stationCode, URI baseUri, List<Quantity> quantities, int pageSize, Duration lookback,
                 int maxRetries, HubEauClient client, HubEauResponseParser parser, ObservationSink sink, Clock clock,
                 BooleanSupplier stopRequested) {
        this.stationCode = stationCode;
        this.baseUri = baseUri;
        this.quantities = List.copyOf(quantities);
        this.pageSize = pageSize;
        this.lookback = lookback;
        this.maxRetries = maxRetries;
        this.parser = parser;
        this.paging = new CursorPaging(stationCode, client, sink, clock, stopRequested);
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /**
     * One poll with its own retry budget of {@code maxRetries}.
     *
     * @see #pollOnce(RetryBudget)
     */
    Health pollOnce() throws InterruptedException {
        return pollOnce(new RetryBudget(maxRetries));
    }

    /**
     * @param budget the retries this poll may spend, possibly shared with the elaborated feed of the same cycle
     * @return the health this poll showed: UP, or DEGRADED naming each quantity that could not be brought up to date
     *         (e.g. {@code real-time H: Hub'Eau unavailable: …})
     * @throws InterruptedException when the connector is stopping
     */
    Health pollOnce(RetryBudget budget) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (Quantity quantity : quantities) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            try {
                pollQuantity(quantity, budget);
            } catch (SourceUnavailableException e) {
                problems.add(FEED + " " + quantity + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // ObservationSink signals a store outage with StoreException; anything else from it is alike here
                LOG.debug("{} {}: ingest failed", stationCode, quantity, e);
                problems.add(FEED + " " + quantity + ": store unavailable, will read again from " + since(quantity)
                        + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return problems.isEmpty()
                ? new Health(Health.Status.UP, "", paging.lastActivity())
                : new Health(Health.Status.DEGRADED, String.join("; ", problems), paging.lastActivity());
    }

    private void pollQuantity(Quantity quantity, RetryBudget budget)
            throws SourceUnavailableException, InterruptedException {
        CursorPaging.Outcome outcome = paging.readAll(FEED + " " + quantity, firstPageUri(quantity, since(quantity)),
                parser::parse, budget);
        if (!outcome.complete()) {
            return;
        }
        Instant previous = watermarks.get(quantity);
        if (outcome.newest() != null && (previous == null || outcome.newest().isAfter(previous))) {
            watermarks.put(quantity, outcome.newest());
        }
        LOG.debug("{} {}: {} pages, {} observations stored, {} duplicates; watermark {}", stationCode, quantity,
                outcome.pages(), outcome.appended().stored(), outcome.appended().duplicates(),
                watermarks.get(quantity));
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

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
