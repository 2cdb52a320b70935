package org.vigie.connector.hubeau.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.ObservationSink;

/**
 * The daily back-fill of one station from Hub'Eau's elaborated observations ({@code obs_elab}, e.g. the daily mean
 * discharge {@code QmnJ}), which Hub'Eau keeps over the station's whole history while {@code observations_tr} keeps
 * about a month.
 *
 * <p>A run reads each series from {@link #since} (the last {@code lookbackDays} days, or from the watermark when
 * that is older), follows the {@code next} cursor and hands every page to the sink ({@link CursorPaging}, with the
 * real-time feed's retries and back-off through {@link HubEauClient}). The watermark of a series is the latest day
 * delivered; it moves only once every page of the run has been ingested, so a Hub'Eau or store outage leaves it
 * where it was and the next run reads the gap again, however long the outage (as long as the connector keeps
 * running: the watermark is held in memory).
 *
 * <p>Runs are due on the first poll, then {@code interval} after the start of the last complete run; a run that
 * failed for any series is due again at the next poll.
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
final class ElaboratedPoller {

    /** Prefix of this feed's problems in the connector's health message. */
    static final String FEED = "elaborated";

    private static final Logger LOG = LoggerFactory.getLogger(ElaboratedPoller.class);

    private final String stationCode;
    private final URI baseUri;
    private final List<ElaboratedQuantity> quantities;
    private final int pageSize;
    private final int lookbackDays;
    private final Duration interval;
    private final ElaboratedResponseParser parser;
    private final CursorPaging paging;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private final Map<ElaboratedQuantity, Instant> watermarks = new EnumMap<>(ElaboratedQuantity.class);
    private Instant lastCompleteRun;

    ElaboratedPoller(String stationCode, URI baseUri, List<ElaboratedQuantity> quantities, int pageSize,
                     int lookbackDays, Duration interval, HubEauClient client, ElaboratedResponseParser parser,
                     ObservationSink sink, Clock clock, BooleanSupplier stopRequested) {
        this.stationCode = stationCode;
        this.baseUri = baseUri;
        this.quantities = List.copyOf(quantities);
        this.pageSize = pageSize;
        this.lookbackDays = lookbackDays;
        this.interval = interval;
        this.parser = parser;
        this.paging = new CursorPaging(stationCode, client, sink, clock, stopRequested);
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /** @return true when no run has completed yet, or the last complete one started {@code interval} ago or more */
    boolean due() {
        return lastCompleteRun == null || !clock.instant().isBefore(lastCompleteRun.plus(interval));
    }

    /**
     * Reads every series once, whether due or not.
     *
     * @param budget the retries this run may spend, shared with the real-time feed of the same poll
     * @return UP, or DEGRADED naming each series that could not be brought up to date
     *         (e.g. {@code elaborated QmnJ: Hub'Eau unavailable: …})
     * @throws InterruptedException when the connector is stopping
     */
    Health pollOnce(RetryBudget budget) throws InterruptedException {
        Instant started = clock.instant();
        List<String> problems = new ArrayList<>();
        boolean complete = true;
        for (ElaboratedQuantity quantity : quantities) {
            if (stopRequested.getAsBoolean()) {
                complete = false;
                break;
            }
            try {
                complete &= pollQuantity(quantity, budget);
            } catch (SourceUnavailableException e) {
                problems.add(FEED + " " + quantity + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // ObservationSink signals a store outage with StoreException; anything else from it is alike here
                LOG.debug("{} {}: ingest failed", stationCode, quantity, e);
                problems.add(FEED + " " + quantity + ": store unavailable, will read again from " + since(quantity)
                        + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        if (problems.isEmpty() && complete) {
            lastCompleteRun = started;
        }
        return problems.isEmpty()
                ? new Health(Health.Status.UP, "", paging.lastActivity())
                : new Health(Health.Status.DEGRADED, String.join("; ", problems), paging.lastActivity());
    }

    /** @return false when the connector stopped part-way */
    private boolean pollQuantity(ElaboratedQuantity quantity, RetryBudget budget)
            throws SourceUnavailableException, InterruptedException {
        CursorPaging.Outcome outcome = paging.readAll(FEED + " " + quantity, firstPageUri(quantity, since(quantity)),
                (body, receivedAt) -> parser.parse(body, quantity, receivedAt), budget);
        if (!outcome.complete()) {
            return false;
        }
        Instant previous = watermarks.get(quantity);
        if (outcome.newest() != null && (previous == null || outcome.newest().isAfter(previous))) {
            watermarks.put(quantity, outcome.newest());
        }
        LOG.debug("{} {}: {} pages, {} observations stored, {} duplicates; watermark {}", stationCode, quantity,
                outcome.pages(), outcome.appended().stored(), outcome.appended().duplicates(),
                watermarks.get(quantity));
        return true;
    }

    /**
     * @return the first day the next run of {@code quantity} reads: {@code lookbackDays} before today (UTC), or the
     *         watermark's day when that is earlier (an outage longer than the look-back). Re-reading the look-back
     *         every run picks up days Hub'Eau publishes late; the store absorbs the days already delivered.
     */
    LocalDate since(ElaboratedQuantity quantity) {
        LocalDate window = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(lookbackDays);
        Instant watermark = watermarks.get(quantity);
        if (watermark == null) {
            return window;
        }
        LocalDate watermarkDay = LocalDate.ofInstant(watermark, ZoneOffset.UTC);
        return watermarkDay.isBefore(window) ? watermarkDay : window;
    }

    /** @return the start of the latest day of {@code quantity} delivered by a completed run */
    Optional<Instant> watermark(ElaboratedQuantity quantity) {
        return Optional.ofNullable(watermarks.get(quantity));
    }

    /** @return when the last run that brought every series up to date started, if any did */
    Optional<Instant> lastCompleteRun() {
        return Optional.ofNullable(lastCompleteRun);
    }

    URI firstPageUri(ElaboratedQuantity quantity, LocalDate since) {
        return URI.create(baseUri + "/obs_elab"
                + "?code_entite=" + HubEauPoller.encode(stationCode)
                + "&grandeur_hydro_elab=" + quantity.code()
                + "&date_debut_obs_elab=" + since
                + "&size=" + pageSize);
    }
}
