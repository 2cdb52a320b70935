package org.vigie.gis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.service.GeoLayer;
import org.vigie.api.service.GeometryStore;
import org.vigie.gis.internal.io.GeoFileReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports layers into the geometry store: those a catchment bundle carries (manifest header {@value #HEADER} naming
 * its layer index) when the bundle starts, and files sent through the API. A bundle's layer is read again only when
 * its file changed. Imports run one at a time on a thread of their own: reading a large file takes seconds and must
 * not hold up the framework.
 */
@Component(service = LayerCatalog.class, immediate = true)
public final class LayerCatalog {
    /** Manifest header of a bundle carrying GIS layers: the path of its layer index inside the bundle. */
    public static final String HEADER = "Vigie-Gis";
    static final String CHECKSUM = "sha256";
    /** Setting holding a layer's Lambert-93 extent as "minX,minY,maxX,maxY". */
    static final String EXTENT = "extent";

    private static final Logger LOG = LoggerFactory.getLogger(LayerCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeometryStore store;
    private final GisWorkbench workbench;
    private final ExecutorService imports = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vigie-gis-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final BundleTracker<String> tracker;

    @Activate
    public LayerCatalog(@Reference(name = "store") GeometryStore store,
                        @Reference(name = "workbench") GisWorkbench workbench,
                        BundleContext context) {
        this.store = store;
        this.workbench = workbench;
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                String index = bundle.getHeaders().get(HEADER);
                if (index == null) {
                    return null;
                }
                imports.execute(() -> importBundle(bundle, index));
                return index;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, String index) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String index) {
                // the layers stay: they are reference data, and a bundle being updated comes back at once
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        imports.shutdownNow();
        imports.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** @return what could not be imported, by bundle or file, with the reason */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /**
     * Reads a file and stores it as a layer, replacing one of the same name.
     *
     * @param settings how its attributes are read (e.g. {@code station}, {@code levelProperty}); {@code title}
     * @throws IllegalArgumentException when the file cannot be read as a layer
     */
    public GeoLayer importFile(Path file, String name, GeoLayer.Kind kind, String catchmentId,
                               Map<String, String> settings, String idProperty, String table, String source)
            throws IOException {
        GeoFileReader.ImportedFeatures imported = new GeoFileReader(workbench.get()).read(file, idProperty, table);
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(CHECKSUM, checksum(file));
        all.put("sourceSrid", String.valueOf(imported.sourceSrid()));
        org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();
        imported.features().forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        if (!extent.isNull()) {
            all.put(EXTENT, extent.getMinX() + "," + extent.getMinY() + "," + extent.getMaxX() + ","
                    + extent.getMaxY());
        }
        if (kind == GeoLayer.Kind.FLOOD_EXTENT) {
            // checked now rather than at every reading of the situation: each scenario needs its level
            if (all.get("station") == null || all.get("station").isBlank()) {
                throw new IllegalArgumentException("flood-extent layer " + name
                        + " needs the station its levels are read at (setting 'station')");
            }
            FloodImpact.scenarios(imported.features(), all.getOrDefault("levelProperty", "level"));
        }
        GeoLayer layer = new GeoLayer(name, kind, catchmentId, source, all, imported.geometryType(),
                imported.features().size(), Instant.now(), imported.report());
        store.replaceLayer(layer, imported.features());
        LOG.info("GIS layer {} imported from {}: {} {} features{}", name, source, imported.features().size(),
                imported.geometryType(), imported.report().isEmpty() ? "" : " (" + imported.report().size()
                        + " remarks: " + String.join("; ", imported.report()) + ")");
        return layer;
    }

    private void importBundle(Bundle bundle, String indexPath) {
        String origin = bundle.getSymbolicName() + " " + bundle.getVersion();
        try {
            URL indexUrl = bundle.getEntry(indexPath);
            if (indexUrl == null) {
                throw new IllegalArgumentException("its header " + HEADER + " names " + indexPath
                        + ", which the bundle does not hold");
            }
            JsonNode index;
            try (InputStream in = indexUrl.openStream()) {
                index = JSON.readTree(in);
            }
            String catchment = index.path("catchment").asText(null);
            Path folder = Files.createTempDirectory("vigie-gis-");
            try {
                for (JsonNode entry : index.path("layers")) {
                    importEntry(bundle, catchment, entry, folder);
                }
            } finally {
                deleteTree(folder);
            }
            failures.remove(bundle.getSymbolicName());
        } catch (IOException | RuntimeException e) {
            failures.put(bundle.getSymbolicName(), "bundle " + origin + ": " + e.getMessage());
            LOG.error("GIS layers of bundle {} not imported: {}", origin, e.getMessage(), e);
        }
    }

    private void importEntry(Bundle bundle, String catchment, JsonNode entry, Path folder) throws IOException {
        String name = required(entry, "name");
        String file = required(entry, "file");
        GeoLayer.Kind kind = GeoLayer.Kind.valueOf(entry.path("kind").asText("REFERENCE"));
        Path local = copyFromBundle(bundle, file, folder);
        Map<String, String> settings = new LinkedHashMap<>();
        entry.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        if (entry.hasNonNull("title")) {
            settings.put("title", entry.get("title").asText());
        }
        String source = "bundle " + bundle.getSymbolicName() + ": " + file;
        // how the file is read is part of the layer: a changed id property or table means a new import
        for (String reading : List.of("idProperty", "table")) {
            if (entry.hasNonNull(reading)) {
                settings.put(reading, entry.get(reading).asText());
            }
        }
        String checksum = checksum(local);
        var stored = store.layer(name);
        if (stored.isPresent() && checksum.equals(stored.get().settings().get(CHECKSUM))
                && source.equals(stored.get().source()) && stored.get().kind() == kind
                && java.util.Objects.equals(stored.get().catchmentId(), catchment)
                && withoutDerived(stored.get().settings()).equals(settings)) {
            LOG.debug("GIS layer {} unchanged in {}", name, source);
            return;
        }
        try {
            importFile(local, name, kind, catchment, settings, entry.path("idProperty").asText(null),
                    entry.path("table").asText(null), source);
            failures.remove(source);
        } catch (RuntimeException e) {
            failures.put(source, source + ": " + e.getMessage());
            LOG.error("GIS layer {} from {} not imported: {}", name, source, e.getMessage());
        }
    }

    private static Map<String, String> withoutDerived(Map<String, String> settings) {
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.remove(CHECKSUM);
        own.remove("sourceSrid");
        own.remove(EXTENT);
        return own;
    }

    /** Copies a file of the bundle, and a shapefile's companion files, into {@code folder}. */
    private static Path copyFromBundle(Bundle bundle, String file, Path folder) throws IOException {
        URL url = bundle.getEntry(file);
        if (url == null) {
            throw new IllegalArgumentException("layer file " + file + " is not in the bundle");
        }
        String fileName = Path.of(file).getFileName().toString();
        Path local = folder.resolve(fileName);
        try (InputStream in = url.openStream()) {
            Files.copy(in, local);
        }
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".shp")) {
            String base = file.substring(0, file.length() - 4);
            for (String extension : List.of(".shx", ".dbf", ".prj", ".cpg")) {
                URL companion = bundle.getEntry(base + extension);
                if (companion != null) {
                    try (InputStream in = companion.openStream()) {
                        Files.copy(in, folder.resolve(fileName.substring(0, fileName.length() - 4) + extension));
                    }
                }
            }
        }
        return local;
    }

    private static String required(JsonNode entry, String field) {
        String value = entry.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a layer entry has no '" + field + "': " + entry);
        }
        return value;
    }

    static String checksum(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.debug("temporary folder {} left behind", folder, e);
        }
    }
}
