package org.vigie.connector.hubeau.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Observation;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;

/**
 * Reads one Hub'Eau series from its first page to its last, following the {@code next} cursor while pages hold rows
 * (Hub'Eau answers 206 while more pages follow, 200 for the last; both are accepted), and hands every page to the
 * sink as it arrives. The one paging loop of both feeds: real-time ({@code observations_tr}) and elaborated
 * ({@code obs_elab}). Requests go through {@link HubEauClient}, which retries outages within the poll's
 * {@link RetryBudget}.
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
final class CursorPaging {

    /** Turns a response body into a page; a {@link MalformedResponseException} makes the request a failed one. */
    @FunctionalInterface
    interface PageParser {
        HubEauPage parse(String body, Instant receivedAt) throws MalformedResponseException;
    }

    /**
     * What a read delivered.
     *
     * @param complete false when the connector stopped part-way: the caller must not move its watermark
     * @param newest   the latest observation time delivered, or null when no observation was
     */
    record Outcome(boolean complete, Instant newest, int pages, AppendResult appended) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CursorPaging.class);

    private final String stationCode;
    private final HubEauClient client;
    private final ObservationSink sink;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private Instant lastActivity;

    CursorPaging(String stationCode, HubEauClient client, ObservationSink sink, Clock clock,
                 BooleanSupplier stopRequested) {
        this.stationCode = stationCode;
        this.client = client;
        this.sink = sink;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /**
     * @param series    names the series in log lines, e.g. {@code real-time H}
     * @param firstPage the request of the first page
     * @throws SourceUnavailableException when Hub'Eau gave no usable answer within the budget; the pages before were
     *                                    delivered
     * @throws InterruptedException       when the connector is stopping
     * @throws RuntimeException           when the sink refused a page (typically a {@code StoreException}); paging
     *                                    stops at that page
     */
    Outcome readAll(String series, URI firstPage, PageParser parser, RetryBudget budget)
            throws SourceUnavailableException, InterruptedException {
        Instant newest = null;
        Set<URI> visited = new HashSet<>();
        AppendResult appended = AppendResult.NONE;
        int pages = 0;
        Optional<URI> pageUri = Optional.of(firstPage);
        while (pageUri.isPresent() && !stopRequested.getAsBoolean()) {
            URI uri = pageUri.get();
            if (!visited.add(uri)) {
                // a cursor pointing back to a page already read would loop forever
                LOG.warn("{} {}: Hub'Eau cursor loops back to {}; stopping this poll there", stationCode, series, uri);
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
        return new Outcome(!stopRequested.getAsBoolean(), newest, pages, appended);
    }

    /** @return when a page was last delivered to the sink, or null if never */
    Instant lastActivity() {
        return lastActivity;
    }
}
