package org.vigie.gis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.vigie.api.service.GeoFeature;

/**
 * Which pre-computed flood extent matches a peak level, and which stakes it reaches. Hydraulic studies map the
 * flooded area for a few levels at a reference gauge; a forecast peak between two of them takes the next one up, the
 * cautious reading.
 */
public final class FloodImpact {
    private FloodImpact() {
    }

    /**
     * A flood-extent scenario: one feature of a FLOOD_EXTENT layer.
     *
     * @param level the level at the reference station the extent was computed for, in metres
     */
    public record Scenario(GeoFeature feature, double level) {
    }

    /**
     * The scenario chosen for a peak.
     *
     * @param beyondHighest the peak is above every scenario: the highest is shown, the real extent is larger
     * @param belowLowest   the peak is below every scenario: the lowest is shown, an upper bound
     */
    public record Selection(Scenario scenario, double peakLevel, boolean beyondHighest, boolean belowLowest) {
        /** @return in words which scenario was taken and why */
        public String explanation() {
            String level = String.format(java.util.Locale.ROOT, "%.2f m", scenario.level());
            String peak = String.format(java.util.Locale.ROOT, "%.2f m", peakLevel);
            if (beyondHighest) {
                return "peak " + peak + " is above the highest scenario (" + level
                        + "): its extent is shown, the flood would reach further";
            }
            if (peakLevel == scenario.level()) {
                return "peak " + peak + " matches the scenario " + level;
            }
            return "peak " + peak + " is between scenarios: the next one up (" + level + ") is shown"
                    + (belowLowest ? ", the lowest studied" : "");
        }
    }

    /**
     * One stake reached by the extent.
     *
     * @param floodedLength for a line (road, network), the length in the extent in metres; otherwise 0
     */
    public record Reached(GeoFeature stake, String category, double floodedLength) {
    }

    /** Stakes reached, and their count and flooded length per category (categories sorted by name). */
    public record Assessment(Selection selection, List<Reached> reached, Map<String, Integer> countByCategory,
                             Map<String, Double> lengthByCategory) {
    }

    /**
     * Reads the scenarios of a flood-extent layer.
     *
     * @throws IllegalArgumentException when a feature has no numeric level or is not a polygon
     */
    public static List<Scenario> scenarios(List<GeoFeature> extents, String levelProperty) {
        List<Scenario> scenarios = new ArrayList<>();
        for (GeoFeature feature : extents) {
            Object level = feature.properties().get(levelProperty);
            double value = level instanceof Number n ? n.doubleValue() : parse(level);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("flood extent " + feature.id() + ": property '" + levelProperty
                        + "' holds no level (" + level + ")");
            }
            if (!(feature.geometry() instanceof Polygonal)) {
                throw new IllegalArgumentException("flood extent " + feature.id() + " is a "
                        + feature.geometry().getGeometryType() + ", not a polygon");
            }
            scenarios.add(new Scenario(feature, value));
        }
        scenarios.sort(Comparator.comparingDouble(Scenario::level));
        return scenarios;
    }

    /** @return the scenario for {@code peakLevel}: the lowest at or above it, else the highest; none without scenarios */
    public static java.util.Optional<Selection> select(List<Scenario> scenarios, double peakLevel) {
        if (scenarios.isEmpty() || !Double.isFinite(peakLevel)) {
            return java.util.Optional.empty();
        }
        List<Scenario> sorted = scenarios.stream().sorted(Comparator.comparingDouble(Scenario::level)).toList();
        for (Scenario scenario : sorted) {
            if (scenario.level() >= peakLevel) {
                return java.util.Optional.of(new Selection(scenario, peakLevel, false, scenario == sorted.get(0)
                        && peakLevel < scenario.level()));
            }
        }
        return java.util.Optional.of(new Selection(sorted.get(sorted.size() - 1), peakLevel, true, false));
    }

    /** Intersects the selected extent with the stakes. A stake without a category is counted as "other". */
    public static Assessment assess(Selection selection, List<GeoFeature> stakes, String categoryProperty) {
        Geometry extent = selection.scenario().feature().geometry();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(extent);
        List<Reached> reached = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Double> lengths = new TreeMap<>();
        for (GeoFeature stake : stakes) {
            if (!prepared.intersects(stake.geometry())) {
                continue;
            }
            Object value = stake.properties().get(categoryProperty);
            String category = value == null || value.toString().isBlank() ? "other" : value.toString();
            double length = stake.geometry() instanceof Lineal
                    ? (prepared.containsProperly(stake.geometry()) ? stake.geometry().getLength()
                    : extent.intersection(stake.geometry()).getLength())
                    : 0;
            reached.add(new Reached(stake, category, length));
            counts.merge(category, 1, Integer::sum);
            if (stake.geometry() instanceof Lineal) {
                lengths.merge(category, length, Double::sum);
            }
        }
        return new Assessment(selection, List.copyOf(reached), new LinkedHashMap<>(counts),
                new LinkedHashMap<>(lengths));
    }

    private static double parse(Object level) {
        if (level == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(level.toString().trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
