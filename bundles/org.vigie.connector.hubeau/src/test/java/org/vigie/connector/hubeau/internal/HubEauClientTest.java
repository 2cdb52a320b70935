package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.connector.hubeau.internal.ScriptedHubEauServer.Answer;

class HubEauClientTest {

    private static final HubEauClient.BodyReader<String> AS_IS = body -> body;
    private static final HubEauClient.BodyReader<HubEauPage> AS_PAGE =
            body -> new HubEauResponseParser(Fixtures.STATION, "hubeau").parse(body, java.time.Instant.EPOCH);

    private final ScriptedHubEauServer server = new ScriptedHubEauServer();
    private final HubEauClient client = new HubEauClient(Duration.ofMillis(500), Duration.ofMillis(5),
            Duration.ofMillis(20), new CountDownLatch(1));

    HubEauClientTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private URI page() {
        return URI.create(server.baseUrl() + "/observations_tr?code_entite=K447001001&grandeur_hydro=H");
    }

    @Test
    void partialContentAndOkAreBothAnswers() throws Exception {
        server.then(Answer.partial("first")).then(Answer.ok("second"));

        assertEquals("first", client.get(page(), AS_IS, new RetryBudget(0)));
        assertEquals("second", client.get(page(), AS_IS, new RetryBudget(0)));
    }

    @Test
    void serviceUnavailableIsRetriedUntilAnAnswerComes() throws Exception {
        server.then(Answer.status(503)).then(Answer.status(500)).then(Answer.ok("data"));
        RetryBudget budget = new RetryBudget(5);

        assertEquals("data", client.get(page(), AS_IS, budget));
        assertEquals(2, budget.used());
        assertEquals(3, server.requests().size());
    }

    @Test
    void truncatedBodyIsRetried() throws Exception {
        String recorded = Fixtures.read(Fixtures.H_PAGE);
        server.then(Answer.ok(recorded.substring(0, 100))).then(Answer.ok(recorded));
        RetryBudget budget = new RetryBudget(5);

        HubEauPage page = client.get(page(), AS_PAGE, budget);

        assertEquals(1, page.observations().size());
        assertEquals(1, budget.used());
    }

    @Test
    void answerSlowerThanTheTimeoutIsRetried() throws Exception {
        server.then(Answer.late("too late", 1_500)).then(Answer.ok("in time"));
        RetryBudget budget = new RetryBudget(5);

        assertEquals("in time", client.get(page(), AS_IS, budget));
        assertEquals(1, budget.used());
    }

    @Test
    void givesUpWhenTheBudgetIsSpentAndSaysWhy() {
        server.then(Answer.status(503)).then(Answer.status(503)).then(Answer.status(503));

        SourceUnavailableException e = assertThrows(SourceUnavailableException.class,
                () -> client.get(page(), AS_IS, new RetryBudget(2)));

        assertTrue(e.getMessage().startsWith("Hub'Eau unavailable: HTTP 503 "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(retries of this poll used up: 2)"), e.getMessage());
        assertEquals(3, server.requests().size());
    }

    @Test
    void badRequestIsNotRetried() {
        server.then(Answer.status(400)).then(Answer.ok("never asked"));
        RetryBudget budget = new RetryBudget(5);

        SourceUnavailableException e = assertThrows(SourceUnavailableException.class,
                () -> client.get(page(), AS_IS, budget));

        assertTrue(e.getMessage().startsWith("Hub'Eau refused " + page() + ": HTTP 400 "), e.getMessage());
        assertEquals(0, budget.used());
        assertEquals(1, server.requests().size());
    }

    @Test
    void refusedConnectionIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nobodyListening = URI.create("http://127.0.0.1:" + closedPort + "/api/v2/hydrometrie/observations_tr");
        RetryBudget budget = new RetryBudget(2);

        SourceUnavailableException e = assertThrows(SourceUnavailableException.class,
                () -> client.get(nobodyListening, AS_IS, budget));

        assertEquals(2, budget.used());
        assertTrue(e.getMessage().startsWith("Hub'Eau unavailable: "), e.getMessage());
    }

    @Test
    void backOffDoublesUpToItsCap() {
        assertEquals(Duration.ofMillis(5), client.backoff(0));
        assertEquals(Duration.ofMillis(10), client.backoff(1));
        assertEquals(Duration.ofMillis(20), client.backoff(2));
        assertEquals(Duration.ofMillis(20), client.backoff(30));
    }

    @Test
    void stoppingCutsTheBackOffShort() {
        CountDownLatch stopped = new CountDownLatch(1);
        stopped.countDown();
        HubEauClient stopping = new HubEauClient(Duration.ofMillis(500), Duration.ofMinutes(10),
                Duration.ofMinutes(10), stopped);
        server.then(Answer.status(503));

        assertThrows(InterruptedException.class, () -> stopping.get(page(), AS_IS, new RetryBudget(5)));
    }
}
