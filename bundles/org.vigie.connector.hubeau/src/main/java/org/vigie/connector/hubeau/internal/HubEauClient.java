package org.vigie.connector.hubeau.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs Hub'Eau pages, retrying what Hub'Eau's known outages produce (HTTP 5xx, 408, 429, timeouts, refused
 * connections, truncated or invalid bodies) with exponential back-off, as long as the poll's {@link RetryBudget}
 * allows. Other refusals (e.g. HTTP 400 for a malformed request) are not retried: asking again cannot help.
 */
final class HubEauClient {

    /** What turns a successful body into a result; a {@link MalformedResponseException} makes it a failed attempt. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(String body) throws MalformedResponseException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HubEauClient.class);
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch stopSignal;

    /**
     * @param initialBackoff wait before the first retry; each further retry waits twice as long, up to
     *                       {@code maxBackoff}
     * @param stopSignal     counted down when the connector stops: cuts a back-off short
     */
    HubEauClient(Duration requestTimeout, Duration initialBackoff, Duration maxBackoff, CountDownLatch stopSignal) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.stopSignal = stopSignal;
    }

    /**
     * @return what {@code reader} made of the first usable answer (HTTP 200, or 206 when more pages follow)
     * @throws SourceUnavailableException when the budget is spent or the request was refused outright
     * @throws InterruptedException       when the connector is stopping
     */
    <T> T get(URI uri, BodyReader<T> reader, RetryBudget budget)
            throws SourceUnavailableException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int retry = 0; ; retry++) {
            String failure;
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200 || status == 206) {
                    return reader.read(response.body());
                }
                failure = "HTTP " + status + " " + abbreviate(response.body());
                if (!RETRYABLE_STATUSES.contains(status)) {
                    throw new SourceUnavailableException("Hub'Eau refused " + uri + ": " + failure);
                }
            } catch (HttpTimeoutException e) {
                failure = "no answer within " + requestTimeout.toSeconds() + " s";
            } catch (ConnectException e) {
                failure = "cannot connect (" + describe(e) + ")";
            } catch (IOException e) {
                failure = "connection failed (" + describe(e) + ")";
            } catch (MalformedResponseException e) {
                failure = "unusable answer: " + e.getMessage();
            }
            if (!budget.tryUse()) {
                throw new SourceUnavailableException("Hub'Eau unavailable: " + failure + " for " + uri
                        + " (retries of this poll used up: " + budget.used() + ")");
            }
            Duration wait = backoff(retry);
            LOG.debug("{}: {}; retrying in {} ms", uri, failure, wait.toMillis());
            if (stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedException("connector stopping");
            }
        }
    }

    /** @return the wait before retry number {@code retry} (0-based): initial × 2^retry, capped */
    Duration backoff(int retry) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(retry, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_BODY_IN_MESSAGE ? oneLine : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
