package org.vigie.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored layer of geometries: a catchment's outlines, rivers, stations, flood-extent scenarios, stakes, or any
 * reference layer.
 *
 * @param name         unique, lower case letters, digits and dashes (it appears in URLs and file names)
 * @param kind         what the features are
 * @param catchmentId  the catchment the layer belongs to, or {@code null}
 * @param source       where it came from, e.g. "bundle org.vigie.catchment.orleans: gis/stakes.geojson"
 * @param settings     how its attributes are read, e.g. {@code station}, {@code levelProperty} of a flood-extent
 *                     layer or {@code categoryProperty} of stakes
 * @param geometryType the features' geometry type, e.g. "MultiPolygon", or "Geometry" when mixed
 * @param featureCount number of features
 * @param importedAt   when it was imported
 * @param report       what the import changed or refused, e.g. an invalid polygon repaired; empty when nothing
 * @since 1.2
 */
public record GeoLayer(String name, Kind kind, String catchmentId, String source, Map<String, String> settings,
                       String geometryType, int featureCount, Instant importedAt, List<String> report) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** What a layer's features are. */
    public enum Kind {
        /** catchment outlines, each with the station it drains to ({@code station} attribute) */
        CATCHMENT,
        /** river lines */
        RIVER,
        /** station points */
        STATION,
        /** pre-computed flood extents, one polygon per level at a reference station */
        FLOOD_EXTENT,
        /** stakes: buildings, schools, hospitals, roads, networks, each with a category */
        STAKES,
        /** anything else shown on a map */
        REFERENCE
    }

    public GeoLayer {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("layer name '" + name
                    + "': use 1 to 63 lower case letters, digits and dashes, starting with a letter or digit");
        }
        Objects.requireNonNull(kind, "kind of layer " + name);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        report = report == null ? List.of() : List.copyOf(report);
        source = source == null ? "" : source;
        geometryType = geometryType == null ? "Geometry" : geometryType;
    }

    /** @return whether {@code name} is a valid layer name */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
