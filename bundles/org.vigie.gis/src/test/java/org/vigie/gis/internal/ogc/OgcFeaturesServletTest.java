package org.vigie.gis.internal.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class OgcFeaturesServletTest {
    private final OgcFeaturesServlet servlet =
            new OgcFeaturesServlet(new OgcFeatures(new InMemoryLayerSource(), "Vigie test"));

    /** What the servlet set on its response. */
    private static final class Answer {
        int status;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body.toByteArray());
        }
    }

    @Test
    void linksAreBuiltFromTheUrlTheClientUsed() throws Exception {
        Answer answer = call("GET", "/collections", "f=json", Map.of("Host", "example.org:8080"));
        assertEquals(200, answer.status);
        assertEquals("application/json", answer.contentType);
        assertEquals("http://example.org:8080/vigie/ogc/collections/stations/items",
                answer.json().at("/collections/0/links/1/href").asText());
    }

    @Test
    void forwardedHeadersWinWhenAProxySetsThem() throws Exception {
        Answer answer = call("GET", null, null, Map.of("Host", "10.0.0.5:8080",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "vigie.example.org, proxy.internal"));
        assertEquals("https://vigie.example.org/vigie/ogc", answer.json().at("/links/0/href").asText());
        assertEquals("https://vigie.example.org/vigie/ogc/api", answer.json().at("/links/1/href").asText());
    }

    @Test
    void withoutAHostHeaderTheServerNameAndPortAreUsed() throws Exception {
        Answer answer = call("GET", "/", null, Map.of());
        assertEquals("http://localhost:8181/vigie/ogc", answer.json().at("/links/0/href").asText());
    }

    @Test
    void itemsAreStreamedAsGeoJsonAndHeadHasNoBody() throws Exception {
        Answer items = call("GET", "/collections/stations/items", "limit=3", Map.of());
        assertEquals("application/geo+json", items.contentType);
        assertEquals(3, items.json().get("numberReturned").asInt());
        assertEquals("http://localhost:8181/vigie/ogc/collections/stations/items?limit=3&offset=3",
                items.json().at("/links/1/href").asText());

        Answer head = call("HEAD", "/collections/stations/items", null, Map.of());
        assertEquals(200, head.status);
        assertEquals(0, head.body.size());
    }

    @Test
    void writesAreRefusedWith405() throws Exception {
        Answer answer = call("DELETE", "/collections/stations", null, Map.of());
        assertEquals(405, answer.status);
        assertEquals("GET, HEAD", answer.headers.get("Allow"));
    }

    /** Calls the servlet mounted at {@code /vigie} (context) + {@code /ogc} (servlet path) on localhost:8181. */
    private Answer call(String method, String pathInfo, String query, Map<String, String> headers)
            throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, invoked, arguments) -> switch (invoked.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getHeader" -> headers.get((String) arguments[0]);
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 8181;
                    case "getContextPath" -> "/vigie";
                    case "getServletPath" -> "/ogc";
                    default -> throw new UnsupportedOperationException(invoked.getName());
                });
        Answer answer = new Answer();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, invoked, arguments) -> {
                    switch (invoked.getName()) {
                        case "setStatus" -> answer.status = (Integer) arguments[0];
                        case "setContentType" -> answer.contentType = (String) arguments[0];
                        case "setHeader" -> answer.headers.put((String) arguments[0], (String) arguments[1]);
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> throw new UnsupportedOperationException(invoked.getName());
                    }
                    return null;
                });
        servlet.service(request, response);
        return answer;
    }
}
