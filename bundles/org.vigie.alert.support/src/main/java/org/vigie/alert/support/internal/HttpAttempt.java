package org.vigie.alert.support.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.vigie.api.spi.DeliveryResult;
import org.vigie.api.spi.DeliveryResult.Outcome;

/**
 * One HTTP request and what its answer means for a delivery: 2xx confirmed; 408, 429, 5xx, timeouts and
 * connection failures worth trying again later; any other status (other 4xx, unfollowed 3xx) a permanent refusal.
 *
 * @param outcome      what the dispatcher should do
 * @param detail       for the delivery log: the status and an excerpt of the answer, or the transport failure
 * @param unreachable  whether the receiver could not be reached or answered in time (nothing to gain by sending it
 *                     more requests right now)
 */
public record HttpAttempt(Outcome outcome, String detail, boolean unreachable) {

    public static final int MAX_EXCERPT = 200;

    /**
     * The client the HTTP channels send with: HTTP/1.1 and redirects never followed, since a 3xx is read as a
     * refusal ("configure the final URL").
     */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static HttpAttempt send(HttpClient http, HttpRequest request, Duration connectTimeout,
                                   Duration requestTimeout) {
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return ofStatus(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            return new HttpAttempt(Outcome.RETRY, "no connection within " + connectTimeout.toMillis() + " ms", true);
        } catch (HttpTimeoutException e) {
            return new HttpAttempt(Outcome.RETRY, "no answer within " + requestTimeout.toMillis() + " ms", true);
        } catch (ConnectException e) {
            return new HttpAttempt(Outcome.RETRY, "cannot connect (" + describe(e) + ")", true);
        } catch (IOException e) {
            return new HttpAttempt(Outcome.RETRY, "connection failed (" + describe(e) + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpAttempt(Outcome.RETRY, "interrupted (stopping)", true);
        }
    }

    static HttpAttempt ofStatus(int status, String body) {
        String detail = "HTTP " + status + excerpt(body);
        if (status >= 200 && status < 300) {
            return new HttpAttempt(Outcome.DELIVERED, detail, false);
        }
        if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
            return new HttpAttempt(Outcome.RETRY, detail, status == 429);
        }
        if (status >= 300 && status < 400) {
            return new HttpAttempt(Outcome.REJECTED, detail + " (redirects are not followed: configure the final URL)",
                    false);
        }
        return new HttpAttempt(Outcome.REJECTED, detail, false);
    }

    public DeliveryResult result() {
        return new DeliveryResult(outcome, detail);
    }

    /** @return {@code ""} or {@code " <first 200 characters of the body on one line>"} */
    static String excerpt(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        if (oneLine.isEmpty()) {
            return "";
        }
        return " " + (oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "…");
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message == null && e.getCause() != null) {
            message = e.getCause().toString();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
