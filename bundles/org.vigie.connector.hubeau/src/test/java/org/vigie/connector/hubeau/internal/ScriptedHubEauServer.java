package org.vigie.connector.hubeau.internal;

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
 * A real HTTP server on an ephemeral local port answering each request with the next scripted answer, in order, and
 * recording what was asked. Once the script is used up it answers 503 "nothing scripted", like an outage, so that a
 * test asking more than it expects fails visibly.
 */
final class ScriptedHubEauServer implements AutoCloseable {

    /** One scripted answer; {@code delayMillis} is slept before answering, to provoke client timeouts. */
    record Answer(int status, String body, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, body, 0);
        }

        static Answer partial(String body) {
            return new Answer(206, body, 0);
        }

        static Answer status(int status) {
            return new Answer(status, "{\"code\":" + status + ",\"message\":\"Service indisponible\"}", 0);
        }

        static Answer late(String body, long delayMillis) {
            return new Answer(200, body, delayMillis);
        }
    }

    private final HttpServer server;
    // several threads, so that a request timed out by the client does not hold up the retry behind it
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<URI> requests = new ArrayList<>();

    ScriptedHubEauServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** @return e.g. {@code http://127.0.0.1:41234/api/v2/hydrometrie}, as a connector's baseUrl */
    String baseUrl() {
        return origin() + "/api/v2/hydrometrie";
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** @return the recorded body with its {@code next} link pointing at this server instead of Hub'Eau */
    String pointedHere(String recordedBody) {
        return recordedBody.replace(Fixtures.RECORDED_HOST, origin());
    }

    synchronized ScriptedHubEauServer then(Answer answer) {
        script.add(answer);
        return this;
    }

    synchronized List<URI> requests() {
        return List.copyOf(requests);
    }

    /** @return the decoded query parameters of request {@code index} */
    synchronized Map<String, String> query(int index) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = requests.get(index).getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }

    synchronized int scriptLeft() {
        return script.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            requests.add(exchange.getRequestURI());
            answer = script.isEmpty() ? new Answer(503, "nothing scripted", 0) : script.poll();
        }
        try (exchange) {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout) and closed the connection: nothing left to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
