package org.vigie.cap.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.vigie.api.AlertEvent;
import org.vigie.api.GeoPosition;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;

/**
 * Builds the CAP 1.2 message of one Vigie alert: one {@code <info>} in French ({@code fr-FR}), category Met (CAP:
 * "Meteorological (inc. flood)"), codes from {@link VigieCapMapping}, times in UTC written {@code +00:00}, texts with
 * values in French notation and times in Europe/Paris. The identifier is the settings' prefix plus the event id and
 * {@code sent} is the event's {@code createdAt}, so the same event always gives the same document. Thread-safe.
 */
public final class VigieCapFactory {

    /** The language of the documents. */
    public static final String LANGUAGE = "fr-FR";
    /** The time zone of the times in the texts. */
    static final String PARIS = "Europe/Paris";

    private static final DateTimeFormatter FRENCH_TIME = DateTimeFormatter
            .ofPattern("EEEE d MMMM uuuu 'à' H 'h' mm", Locale.FRANCE).withZone(ZoneId.of(PARIS));

    private final CapSettings settings;

    public VigieCapFactory(CapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @return the CAP message of {@code alert}
     * @throws IllegalArgumentException when the event id cannot be part of a CAP identifier (spaces, commas, '<',
     *                                  '&') or an area ring has fewer than three distinct points
     */
    public CapAlert create(VigieAlert alert) {
        AlertEvent e = alert.event();
        String identifier = settings.identifierPrefix() + e.id();
        if (CapText.hasForbiddenIdChar(identifier)) {
            throw new IllegalArgumentException("alert id cannot be used in a CAP identifier (spaces, commas, '<' or '&'"
                    + " are forbidden): '" + e.id() + "'");
        }
        boolean ended = e.transition() == AlertEvent.Transition.ENDED;
        Instant sent = e.createdAt();
        String references = alert.references().isEmpty() ? null
                : alert.references().stream().map(CapReference::text).collect(Collectors.joining(" "));
        CapInfo info = new CapInfo(LANGUAGE, List.of(CapInfo.Category.MET), event(e.level()),
                VigieCapMapping.responseTypes(e.level()), VigieCapMapping.urgency(e, settings.imminence()),
                VigieCapMapping.severity(e.level()),
                VigieCapMapping.certainty(e.basis(), alert.exceedanceProbability()), null, List.of(),
                CapTimes.utc(sent), ended || e.valueTime() == null ? null : CapTimes.utc(e.valueTime()),
                CapTimes.utc(sent.plus(ended ? settings.endedValidity() : settings.validity())),
                settings.senderName(), headline(alert), description(alert),
                settings.instructions().get(e.level()), settings.web(), settings.contact(), parameters(alert),
                List.of(), List.of(area(alert)));
        return new CapAlert(identifier, settings.sender(), CapTimes.utc(sent), settings.status(),
                VigieCapMapping.msgType(e.transition()), "Vigie", CapAlert.Scope.PUBLIC, null, null, List.of(), null,
                references, null, List.of(info));
    }

    static String event(VigilanceLevel level) {
        return level == VigilanceLevel.GREEN ? "Fin de vigilance crues" : "Vigilance " + level.french() + " crues";
    }

    private static String headline(VigieAlert alert) {
        return event(alert.event().level()) + " — " + alert.stationName();
    }

    private static String description(VigieAlert alert) {
        AlertEvent e = alert.event();
        List<String> lines = new ArrayList<>();
        if (!e.message().isBlank()) {
            lines.add(e.message());
        }
        lines.add(switch (e.transition()) {
            case RAISED -> "Vigilance " + e.level().french() + " déclenchée pour " + alert.stationName() + ".";
            case ESCALATED -> "Vigilance relevée de " + e.previousLevel().french() + " à " + e.level().french()
                    + " pour " + alert.stationName() + ".";
            case DEESCALATED -> "Vigilance abaissée de " + e.previousLevel().french() + " à " + e.level().french()
                    + " pour " + alert.stationName() + ".";
            case ENDED -> "Fin de la vigilance " + e.previousLevel().french() + " pour " + alert.stationName()
                    + " : retour au vert.";
            case LOCAL_STEP -> "Niveau local " + (e.threshold() == null ? "" : e.threshold().localLevel())
                    + " franchi pour " + alert.stationName() + ", vigilance " + e.level().french() + " inchangée.";
        });
        if (e.quantity() != null && !Double.isNaN(e.value())) {
            boolean forecast = e.basis() == AlertEvent.Basis.FORECAST;
            StringBuilder value = new StringBuilder(quantityName(e.quantity()))
                    .append(forecast ? " prévue : " : " observée : ").append(french(e.value(), e.quantity()));
            if (e.valueTime() != null) {
                value.append(", ").append(FRENCH_TIME.format(e.valueTime())).append(" (heure de Paris)");
            }
            if (forecast && alert.exceedanceProbability() != null) {
                value.append(", probabilité de dépassement du seuil ")
                        .append(Math.round(alert.exceedanceProbability() * 100)).append(" %");
            }
            lines.add(value.append('.').toString());
        }
        Threshold t = e.threshold();
        if (t != null) {
            lines.add("Seuil " + t.level().french() + " : " + french(t.value(), t.quantity())
                    + (t.label().isBlank() ? "" : " (" + t.label() + ")")
                    + (t.hasLocalLevel() ? ", niveau local " + t.localLevel() : "") + ".");
        }
        if (!alert.catchmentName().isBlank()) {
            lines.add("Secteur : " + alert.catchmentName() + ".");
        }
        return String.join("\n", lines);
    }

    private static String quantityName(Quantity q) {
        return switch (q) {
            case H -> "Hauteur";
            case Q -> "Débit";
            case P -> "Pluie";
            default -> q.description();
        };
    }

    /** @return e.g. "4,35 m", "1250 m³/s" */
    static String french(double value, Quantity q) {
        return switch (q) {
            case H -> String.format(Locale.FRANCE, "%.2f m", value);
            case Q -> String.format(Locale.FRANCE, value >= 100 ? "%.0f m³/s" : "%.1f m³/s", value);
            case P, E -> String.format(Locale.FRANCE, "%.1f mm", value);
            default -> String.format(Locale.FRANCE, "%.2f %s", value, q.unit());
        };
    }

    private static List<CapValue> parameters(VigieAlert alert) {
        AlertEvent e = alert.event();
        List<CapValue> p = new ArrayList<>();
        p.add(new CapValue("awareness_level", VigieCapMapping.awarenessLevel(e.level())));
        p.add(new CapValue("awareness_type", "12; flooding"));
        p.add(new CapValue("vigie:station", e.stationCode()));
        p.add(new CapValue("vigie:transition", e.transition().name()));
        p.add(new CapValue("vigie:level", e.level().name()));
        p.add(new CapValue("vigie:previousLevel", e.previousLevel().name()));
        p.add(new CapValue("vigie:basis", e.basis().name()));
        if (e.quantity() != null && !Double.isNaN(e.value())) {
            p.add(new CapValue("vigie:quantity", e.quantity().name()));
            p.add(new CapValue("vigie:value", CapPoint.decimal(e.value()) + " " + e.quantity().unit()));
        }
        if (e.valueTime() != null) {
            p.add(new CapValue("vigie:valueTime", CapTimes.format(e.valueTime())));
        }
        if (e.threshold() != null) {
            p.add(new CapValue("vigie:threshold", CapPoint.decimal(e.threshold().value()) + " "
                    + e.threshold().quantity().unit()));
        }
        if (e.basis() == AlertEvent.Basis.FORECAST && alert.exceedanceProbability() != null) {
            p.add(new CapValue("vigie:exceedanceProbability", CapPoint.decimal(alert.exceedanceProbability())));
        }
        return p;
    }

    private CapArea area(VigieAlert alert) {
        String desc = alert.stationName() + (alert.catchmentName().isBlank() ? "" : ", " + alert.catchmentName());
        List<CapPolygon> polygons = new ArrayList<>();
        for (List<GeoPosition> ring : alert.areaRings()) {
            polygons.add(polygon(ring));
        }
        List<CapCircle> circles = new ArrayList<>();
        GeoPosition station = alert.stationPosition();
        if (polygons.isEmpty() && station != null) {
            circles.add(new CapCircle(point(station), settings.stationRadiusKm()));
        }
        return new CapArea(desc, polygons, circles, List.of(), null, null);
    }

    /** @return the ring as a closed CAP polygon, latitude first, coordinates rounded to 1e-6° (~0.1 m) */
    static CapPolygon polygon(List<GeoPosition> ring) {
        List<CapPoint> points = new ArrayList<>();
        for (GeoPosition p : ring) {
            CapPoint point = point(p);
            if (points.isEmpty() || !points.get(points.size() - 1).equals(point)) {
                points.add(point);
            }
        }
        if (points.size() > 1 && !points.get(0).equals(points.get(points.size() - 1))) {
            points.add(points.get(0));
        }
        if (points.size() < 4 || points.stream().distinct().count() < 3) {
            throw new IllegalArgumentException("an area ring needs at least three distinct points: " + ring);
        }
        return new CapPolygon(points);
    }

    private static CapPoint point(GeoPosition p) {
        return new CapPoint(round6(p.latitude()), round6(p.longitude()));
    }

    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
