package org.vigie.gis.internal.ogc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves {@link OgcFeatures} at {@code http://127.0.0.1:<ephemeral port>/ogc} with the JDK's HTTP server, for real
 * clients such as GDAL; records every request line ({@code "GET /ogc/collections?…" -> 200}).
 */
final class OgcHttpServer implements AutoCloseable {
    private static final String MOUNT = "/ogc";

    private final OgcFeatures features;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    OgcHttpServer(OgcFeatures features) throws IOException {
        this.features = features;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext(MOUNT, this::serve);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + MOUNT;
    }

    /** @return the requests served so far, oldest first */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            String path = uri.getPath().substring(MOUNT.length());
            if (!path.isEmpty() && !path.startsWith("/")) { // e.g. /ogcx: the context matches a mere prefix
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            OgcFeatures.Response answer = features.handle(method, path, OgcFeatures.parseQuery(uri.getRawQuery()),
                    "http://" + exchange.getRequestHeaders().getFirst("Host") + MOUNT,
                    exchange.getRequestHeaders().getFirst("Accept"));
            requests.add(method + " " + uri + " -> " + answer.status());
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            boolean head = "HEAD".equals(method);
            exchange.sendResponseHeaders(answer.status(), head ? -1 : 0);
            if (!head) {
                answer.body().writeTo(exchange.getResponseBody());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
