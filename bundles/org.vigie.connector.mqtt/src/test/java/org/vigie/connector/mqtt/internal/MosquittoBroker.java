package org.vigie.connector.mqtt.internal;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto broker on a free loopback port, with a generated configuration and its persistence in a folder of
 * the test. The binary is {@code $MOSQUITTO} or {@code mosquitto} found in the usual places or on the PATH.
 */
final class MosquittoBroker implements AutoCloseable {

    private static final List<String> USUAL_PLACES = List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
            "/opt/homebrew/sbin/mosquitto", "/usr/bin/mosquitto");

    private final Path folder;
    private final int port;
    private Process process;
    private Path passwordFile;

    /** @param folder holds the configuration, the log and the persistence database */
    MosquittoBroker(Path folder, int port) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.port = port;
    }

    MosquittoBroker(Path folder) throws IOException {
        this(folder, freePort());
    }

    static Optional<Path> binary() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("MOSQUITTO");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(USUAL_PLACES);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(dir + File.separator + "mosquitto");
            }
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(binary().isPresent(), "mosquitto not installed: apt-get install mosquitto");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Refuses anonymous clients from the next start on: only {@code user} with {@code password} may connect. */
    MosquittoBroker requireLogin(String user, String password) throws IOException, InterruptedException {
        Path binary = binary().orElseThrow();
        Path passwd = binary.resolveSibling("mosquitto_passwd");
        if (!Files.isExecutable(passwd)) {
            passwd = Path.of("/usr/bin/mosquitto_passwd");
        }
        passwordFile = folder.resolve("passwords");
        Process hashing = new ProcessBuilder(passwd.toString(), "-b", "-c", passwordFile.toString(), user, password)
                .redirectErrorStream(true).start();
        String output = new String(hashing.getInputStream().readAllBytes());
        if (hashing.waitFor() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed: " + output);
        }
        return this;
    }

    int port() {
        return port;
    }

    String uri() {
        return uri(port);
    }

    static String uri(int port) {
        return "tcp://127.0.0.1:" + port;
    }

    Path persistenceFile() {
        return folder.resolve("persistence/mosquitto.db");
    }

    /** Starts on the broker's own port. */
    MosquittoBroker start() throws IOException, InterruptedException {
        return startOn(port);
    }

    /** Starts listening on {@code listenPort} only, with the same persistence (as if clients could not reach it). */
    MosquittoBroker startOn(int listenPort) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Files.createDirectories(folder.resolve("persistence"));
        Path config = folder.resolve("mosquitto-" + listenPort + ".conf");
        Files.writeString(config, String.join("\n",
                "listener " + listenPort + " 127.0.0.1",
                passwordFile == null ? "allow_anonymous true"
                        : "allow_anonymous false\npassword_file " + passwordFile,
                "persistence true",
                "persistence_location " + folder.resolve("persistence") + "/",
                // save after every change, so that a killed broker keeps the sessions
                "autosave_on_changes true",
                "autosave_interval 1",
                "log_dest file " + folder.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                // when run as root, mosquitto would otherwise switch to the 'mosquitto' user and lose the folder
                "user " + System.getProperty("user.name"),
                ""));
        Path log = folder.resolve("mosquitto.out");
        process = new ProcessBuilder(binary().orElseThrow().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!accepts(listenPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not start on port " + listenPort + ":\n"
                        + Files.readString(log) + readIfExists(log()));
            }
            Thread.sleep(10);
        }
        return this;
    }

    /** @return the broker's log (connections, with client ids) */
    Path log() {
        return folder.resolve("mosquitto.log");
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Stops like a service manager: SIGTERM, mosquitto saves its database. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Kills: SIGKILL, no chance to save anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
