package org.vigie.uitests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution ({@code runtime/target/vigie}) copied to {@code target/ui-work/<name>} and run as a
 * separate process, {@code bin/vigie run --demo}, on a free port, with one user whose password is written by the real
 * {@code bin/vigie passwd}. Closing it stops the process and its children.
 */
final class RunningVigie implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final int port;
    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final String user;
    private final String password;
    /** Why the user could not be configured, or {@code null} when it was. */
    private final String userProblem;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningVigie(Path home, int port, String user, String password, String userProblem) throws IOException {
        this.home = home;
        this.port = port;
        this.user = user;
        this.password = password;
        this.userProblem = userProblem;
        this.process = new ProcessBuilder(home.resolve("bin/vigie").toString(), "run", "--demo", "--port",
                String.valueOf(port)).directory(home.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readOutput, "vigie-output-" + home.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** Copies the distribution, configures {@code user} and starts Vigie with its demo, waiting for the forecast. */
    static RunningVigie start(String name, String user, String password) throws Exception {
        Path distribution = Path.of(System.getProperty("vigie.distribution", "../runtime/target/vigie"));
        if (!Files.isExecutable(distribution.resolve("bin/vigie"))) {
            throw new IllegalStateException("no assembled distribution at " + distribution.toAbsolutePath()
                    + ": build the runtime module first (./mvnw install -DskipTests)");
        }
        Path home = Path.of(System.getProperty("vigie.uitest.work", "target/ui-work")).resolve(name).toAbsolutePath();
        deleteTree(home);
        copyTree(distribution, home);
        delayScheduledCycles(home);
        String problem = addUser(home, user, password);
        RunningVigie vigie = new RunningVigie(home, freePort(), user, password, problem);
        try {
            vigie.awaitLog("Vigie ready", START_TIMEOUT);
            // the demo runs its own forecast cycle once its event is in: the tests need no scheduled one
            vigie.awaitLog("demo: event replayed; forecast cycle", START_TIMEOUT);
        } catch (Exception | AssertionError e) {
            vigie.close();
            throw e;
        }
        return vigie;
    }

    /**
     * Puts the first scheduled forecast cycle 10 min after start-up (instead of 10 s), so that none lands in the middle
     * of the tests and changes what they look at. The demo still runs its own cycle once its event is replayed
     * ({@code demo: event replayed; forecast cycle 1 produced …}); the period between cycles stays as shipped.
     */
    private static void delayScheduledCycles(Path home) throws IOException {
        Path config = home.resolve("config/org.vigie.core.forecast.config");
        List<String> lines = new ArrayList<>();
        if (Files.exists(config)) {
            Files.readAllLines(config, StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.startsWith("firstCycleDelaySeconds")).forEach(lines::add);
        }
        lines.add("firstCycleDelaySeconds=L\"600\"");
        Files.write(config, lines, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code config/org.vigie.web.security.config} with the line {@code bin/vigie passwd} prints.
     *
     * @return {@code null}, or why it could not be done
     */
    private static String addUser(Path home, String user, String password) throws Exception {
        Process passwd = new ProcessBuilder(home.resolve("bin/vigie").toString(), "passwd", user)
                .directory(home.toFile()).redirectErrorStream(true).start();
        // read aside, so that a command that hangs cannot hold this thread beyond the timeout
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(passwd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                return "(output not readable: " + e + ")";
            }
        });
        try (OutputStream in = passwd.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!passwd.waitFor(120, TimeUnit.SECONDS)) {
            passwd.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            passwd.destroyForcibly();
            return "bin/vigie passwd " + user + " did not finish within 120 s";
        }
        String out = output.get(10, TimeUnit.SECONDS);
        String line = out.lines().filter(l -> l.startsWith("users=")).findFirst().orElse(null);
        if (passwd.exitValue() != 0 || line == null) {
            return "bin/vigie passwd " + user + " exited with " + passwd.exitValue() + " and printed '" + out
                    + "' instead of a line users=[\"" + user + ":pbkdf2-sha256:…\"]";
        }
        Files.writeString(home.resolve("config/org.vigie.web.security.config"), line + "\n", StandardCharsets.UTF_8);
        return null;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter file = new PrintWriter(Files.newBufferedWriter(
                home.resolve("vigie.log"), StandardCharsets.UTF_8), true)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.add(line);
                file.println(line);
            }
        } catch (IOException e) {
            log.add("(output no longer readable: " + e + ")");
        }
    }

    void awaitLog(String text, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (log.stream().noneMatch(l -> l.contains(text))) {
            if (!process.isAlive()) {
                throw new AssertionError("Vigie stopped (exit " + process.exitValue() + ") before '" + text
                        + "'; its output ends with:\n" + tail());
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no '" + text + "' in Vigie's output within " + timeout + ":\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    String tail() {
        return String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String origin() {
        return "http://localhost:" + port;
    }

    Path home() {
        return home;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** @return {@code null} when the user is configured, else why not */
    String userProblem() {
        return userProblem;
    }

    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** An authenticated POST, as the duty officer. */
    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return post(path, "");
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", basicAuthorization()).header("X-Vigie-Client", "dashboard")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<Void> head(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Drops a file into {@code data/inbox} the way a producer must: written aside, then renamed. */
    void dropIntoInbox(String name, String content) throws IOException {
        Path inbox = home.resolve("data/inbox");
        Files.createDirectories(inbox);
        Path part = inbox.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Copies the distribution as shipped: without the data and cache of any earlier run in place. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths.filter(p -> !p.startsWith(from.resolve("data"))
                    && !p.startsWith(from.resolve("felix-cache")))::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
