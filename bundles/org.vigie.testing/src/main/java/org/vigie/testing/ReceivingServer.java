package org.vigie.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on an ephemeral local port, behaving like a careful receiver: it records every request,
 * answers with the next scripted answer, and counts a delivery as accepted once per {@code Idempotency-Key} (a
 * repeated key that was already accepted is answered 200 without counting again). Once the script is used up it
 * answers 503, like an outage, so that a test sending more than it expects fails visibly.
 */
public final class ReceivingServer implements AutoCloseable {

    /**
     * One scripted answer.
     *
     * @param delayMillis slept before answering, to provoke client timeouts
     */
    public record Answer(int status, String body, long delayMillis) {
        public static Answer ok() {
            return new Answer(200, "{\"status\":\"accepted\"}", 0);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body, 0);
        }

        /** Accepts (a 2xx is counted) but answers too late for the client to see it. */
        public static Answer acceptedLate(long delayMillis) {
            return new Answer(200, "{\"status\":\"accepted\"}", delayMillis);
        }
    }

    /** One request as received: the exact body bytes, header names lower-cased. */
    public record Received(String method, URI uri, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> requests = new ArrayList<>();
    private final Map<String, Integer> okAnswers = new LinkedHashMap<>();
    private final java.util.Set<String> accepted = new java.util.LinkedHashSet<>();

    public ReceivingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public synchronized ReceivingServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    public synchronized List<Received> requests() {
        return List.copyOf(requests);
    }

    /** @return the idempotency keys accepted, each once, in order */
    public synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** @return per idempotency key, how many 2xx answers the server gave (a duplicate send shows as more than 1) */
    public synchronized Map<String, Integer> okAnswers() {
        return Map.copyOf(okAnswers);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        Answer answer;
        synchronized (this) {
            requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body));
            answer = script.isEmpty() ? new Answer(503, "nothing scripted", 0) : script.poll();
            String key = headers.get("idempotency-key");
            if (key != null && accepted.contains(key) && (answer.status() < 200 || answer.status() >= 300)) {
                // already accepted: a careful receiver confirms again instead of failing
                answer = Answer.ok();
            }
            if (key != null && answer.status() >= 200 && answer.status() < 300) {
                accepted.add(key);
                okAnswers.merge(key, 1, Integer::sum);
            }
        }
        try (exchange) {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout) and closed the connection
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
