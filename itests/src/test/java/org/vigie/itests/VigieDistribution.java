package org.vigie.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * Boots what ships: a fresh copy of the assembled distribution ({@code runtime/target/vigie}) per test class,
 * its boot/ bundles at start level 1 and bundle/ at level 2 as {@code conf/config.properties} does, and
 * FileInstall watching the copy's deploy/ and config/.
 */
final class VigieDistribution {
    /** The API token every test distribution accepts (configured by its SHA-256 only). */
    static final String API_TOKEN = "itests-token-5b1f0c8e2a7d4e9f";

    private VigieDistribution() {
    }

    /** A fresh copy of the distribution for one test class, with extra configuration files. */
    static Path freshCopy(String name) {
        Path source = Path.of(System.getProperty("vigie.distribution", "../runtime/target/vigie"));
        if (!Files.isDirectory(source.resolve("bundle"))) {
            throw new IllegalStateException("no distribution at " + source.toAbsolutePath()
                    + ": build the runtime module first (./mvnw install)");
        }
        Path target = Path.of(System.getProperty("vigie.itest.work", "target/itest-work")).resolve(name);
        deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // the tests write through the API with this token, as an operator's script would
            Files.writeString(target.resolve("config/org.vigie.web.security.config"), "tokens=[\"itests:"
                    + org.vigie.api.PasswordHash.tokenDigest(API_TOKEN) + "\"]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.toAbsolutePath();
    }

    /** Sends the tests' API token with a request. */
    static void authorize(java.net.HttpURLConnection connection) {
        connection.setRequestProperty("Authorization", "Bearer " + API_TOKEN);
    }

    static Option[] options(Path home, int httpPort) {
        List<Option> options = new ArrayList<>();
        options.add(frameworkProperty("felix.bootdelegation.implicit").value("false"));
        options.add(frameworkProperty("vigie.home").value(home.toString()));
        options.add(frameworkProperty("org.osgi.service.http.port").value(String.valueOf(httpPort)));
        options.add(frameworkProperty("felix.fileinstall.dir")
                .value(home.resolve("deploy") + "," + home.resolve("config")));
        options.add(frameworkProperty("felix.fileinstall.poll").value("250"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(frameworkProperty("felix.fileinstall.log.level").value("2"));
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("java.awt.headless").value("true"));
        for (Path jar : jars(home.resolve("boot"))) {
            options.add(bundle(jar.toUri().toString()).startLevel(1));
        }
        for (Path jar : jars(home.resolve("bundle"))) {
            if (jar.getFileName().toString().startsWith("org.apache.felix.gogo.shell")) {
                continue; // the shell reads stdin: never in tests
            }
            UrlProvisionOption option = bundle(jar.toUri().toString()).startLevel(2);
            options.add(isFragment(jar) ? option.noStart() : option);
        }
        options.add(junitBundles());
        return options.toArray(new Option[0]);
    }

    /** Waits up to 30 s for a service. */
    static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        if (service == null) {
            throw new AssertionError(type.getSimpleName() + " service did not appear within 30 s");
        }
        return service;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bundle with a new Bundle-Version: what a fresh build of it looks like to the framework. */
    static void rebuildWithVersion(Path jar, Path target, String version) throws IOException {
        rebuild(jar, target, version, null, text -> text);
    }

    /** Copies a bundle jar under a new version, with the text entry {@code entry} (if any) changed by {@code edit}. */
    static void rebuild(Path jar, Path target, String version, String entry,
                        java.util.function.UnaryOperator<String> edit) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry next = entries.nextElement();
                    if (next.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(next.getName()));
                    byte[] data = in.getInputStream(next).readAllBytes();
                    if (next.getName().equals(entry)) {
                        data = edit.apply(new String(data, java.nio.charset.StandardCharsets.UTF_8))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
    }

    static void writeCatchmentBundle(Path jar, String symbolicName, String catchmentJson) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Vigie-Catchment", "catchment.json");
        try (var file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("catchment.json"));
            out.write(catchmentJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
