package org.vigie.gis.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.gis.internal.io.GeoFileWriter;

/**
 * Gogo shell commands of the GIS, scope {@code vigie}: {@code layers} lists the layers, {@code export} writes the
 * current situation (or chosen layers) into a folder, as {@code GET /api/gis/export} does.
 */
@Component(service = GisCommands.class, property = {"osgi.command.scope=vigie", "osgi.command.function=layers",
        "osgi.command.function=export"})
public final class GisCommands {
    private final GisLayers layers;
    private final GisWorkbench workbench;

    @Activate
    public GisCommands(@Reference(name = "layers") GisLayers layers,
                       @Reference(name = "workbench") GisWorkbench workbench) {
        this.layers = layers;
        this.workbench = workbench;
    }

    /** {@code vigie:layers}: every layer with its kind, geometry type and number of features. */
    public String layers() {
        StringBuilder text = new StringBuilder();
        for (LayerSource.LayerInfo info : layers.layers()) {
            text.append(String.format("%-32s %-13s %-16s %6d  %s%n", info.name(), info.kind(), info.geometryType(),
                    layers.count(info.name(), null), info.title()));
        }
        return text.toString();
    }

    /** {@code vigie:export DIR FORMAT CRS}: the four situation layers in one format (geojson, gpkg, shp, kml, csv). */
    public String export(String folder, String format, int crs) throws IOException {
        return export(folder, format, crs, String.join(",", Situation.LAYERS));
    }

    /** {@code vigie:export DIR FORMAT CRS LAYERS}: chosen layers, comma-separated. */
    public String export(String folder, String format, int crs, String layerNames) throws IOException {
        GeoFileWriter.Format chosen = GeoFileWriter.Format.parse(format);
        if (!Reprojection.isSupported(crs)) {
            throw new IllegalArgumentException("crs " + crs + ": use 4326 or 2154");
        }
        List<String> names = List.of(layerNames.split(","));
        List<GeoFileWriter.ExportLayer> export;
        try {
            export = layers.exportLayers(names);
        } catch (java.util.NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Path directory = Files.createDirectories(Path.of(folder).toAbsolutePath());
        Path target = directory.resolve(GisServlet.fileName(names, chosen, crs, Instant.now()));
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            new GeoFileWriter(workbench.get()).write(chosen, export, crs, out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target + " (" + Files.size(target) + " bytes)";
    }
}
