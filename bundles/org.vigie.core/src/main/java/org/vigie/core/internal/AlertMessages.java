package org.vigie.core.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.vigie.api.AlertEvent;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;

/**
 * The French wording of alerts (people read them in Europe/Paris time with a decimal comma).
 */
final class AlertMessages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE).withZone(PARIS);

    private AlertMessages() {
    }

    static String subject(AlertEvent event, Station station) {
        String where = where(event, station);
        return switch (event.transition()) {
            case ENDED -> "Fin de vigilance — " + where;
            case LOCAL_STEP -> {
                // the built-in text begins with its title, which says whether the level was reached or left
                String name = event.threshold() == null ? "" : event.threshold().localLevel();
                int end = event.message().indexOf(" : ");
                yield event.message().startsWith("Niveau local " + name + " ") && end > 0
                        ? event.message().substring(0, end) : "Niveau local " + name + " — " + where;
            }
            default -> "Vigilance " + event.level().french() + " — " + where;
        };
    }

    private static String where(AlertEvent event, Station station) {
        return station == null ? event.stationCode() : station.name() + " (" + event.stationCode() + ")";
    }

    /**
     * The text of a {@link AlertEvent.Transition#LOCAL_STEP}, e.g. "Niveau local N2 – caves à vider atteint — La
     * Loire à Orléans (K435001010) : hauteur observée 2,65 m le … (heure de Paris), seuil orange 2,60 m (…).
     * Vigilance orange inchangée."
     *
     * @param up      whether the local level was reached (true) or left (false)
     * @param current the local threshold the station is at after the step, null when none
     */
    static String localStepBody(AlertEvent event, Station station, boolean up, Threshold current,
                                double probability, String trend) {
        Threshold threshold = event.threshold();
        StringBuilder text = new StringBuilder("Niveau local ").append(threshold.localLevel())
                .append(up ? " atteint — " : " quitté — ").append(where(event, station)).append(" : ")
                .append(quantityName(event.quantity())).append(' ')
                .append(event.basis() == Basis.OBSERVED ? "observée" : "prévue").append(' ')
                .append(format(event.value(), event.quantity())).append(" le ").append(when(event.valueTime()))
                .append(" (heure de Paris)");
        if (trend != null) {
            text.append(", ").append(trend);
        }
        text.append(", seuil ").append(threshold.level().french()).append(' ')
                .append(format(threshold.value(), event.quantity()));
        if (!threshold.label().isBlank()) {
            text.append(" (").append(threshold.label()).append(')');
        }
        if (!Double.isNaN(probability)) {
            text.append(", probabilité de dépassement ").append(Math.round(probability * 100)).append(" %");
        }
        text.append('.');
        if (!up) {
            text.append(" Niveau local actuel : ").append(current == null ? "aucun" : current.localLevel())
                    .append('.');
        }
        text.append(" Vigilance ").append(event.level().french()).append(" inchangée.");
        return text.toString();
    }

    /** The sentence added to a change of level that also changes the local stage. */
    static String localStageChange(Threshold before, Threshold after) {
        boolean down = after == null || (before != null && (before.level().isAbove(after.level())
                || (before.level() == after.level() && before.value() > after.value())));
        if (down) {
            return "Niveau local " + before.localLevel() + " quitté ; niveau local actuel : "
                    + (after == null ? "aucun" : after.localLevel()) + ".";
        }
        return "Niveau local " + after.localLevel() + " atteint.";
    }

    static String body(AlertEvent event, Station station) {
        return body(event, station, Double.NaN, Double.NaN, null);
    }

    /** How a value moves, in words: "en hausse", "stable", "en baisse"; null when unknown. */
    static String trend(double before, double after) {
        if (Double.isNaN(before) || Double.isNaN(after)) {
            return null;
        }
        // one percent of the value, and at least a centimetre or a litre per second: sensor noise is not a trend
        double tolerance = Math.max(0.01, 0.01 * Math.abs(before));
        return after > before + tolerance ? "en hausse" : after < before - tolerance ? "en baisse" : "stable";
    }

    /**
     * @param rate        the rise per hour that reached a rate-of-rise threshold, NaN when none did
     * @param probability the forecast exceedance probability that reached the threshold, NaN when none did
     * @param trend       how the value moves ({@link #trend}), or null when unknown
     */
    static String body(AlertEvent event, Station station, double rate, double probability, String trend) {
        StringBuilder text = new StringBuilder(subject(event, station)).append(" : ");
        String what = quantityName(event.quantity()) + " "
                + (event.basis() == Basis.OBSERVED ? "observée" : "prévue");
        text.append(what).append(' ').append(format(event.value(), event.quantity()))
                .append(" le ").append(when(event.valueTime())).append(" (heure de Paris)");
        if (trend != null) {
            text.append(", ").append(trend);
        }
        Threshold threshold = event.threshold();
        if (threshold != null && threshold.kind() == Threshold.Kind.RATE_OF_RISE) {
            if (!Double.isNaN(rate)) {
                text.append(", montée de ").append(format(rate, event.quantity())).append("/h sur ")
                        .append(window(threshold.rateWindow()));
            }
            text.append(", seuil de montée ").append(threshold.level().french()).append(' ')
                    .append(format(threshold.value(), event.quantity())).append("/h");
            if (!threshold.label().isBlank()) {
                text.append(" (").append(threshold.label()).append(')');
            }
        } else if (threshold != null) {
            text.append(", seuil ").append(threshold.level().french()).append(' ')
                    .append(format(threshold.value(), event.quantity()));
            if (!threshold.label().isBlank()) {
                text.append(" (").append(threshold.label()).append(')');
            }
            if (!Double.isNaN(probability)) {
                text.append(", probabilité de dépassement ").append(Math.round(probability * 100)).append(" %");
            }
        } else {
            text.append(", retour sous tous les seuils");
        }
        text.append(". Niveau précédent : ").append(event.previousLevel().french()).append('.');
        return text.toString();
    }

    private static String window(Duration window) {
        return window.toMinutesPart() == 0 && window.toSecondsPart() == 0 ? window.toHours() + " h"
                : window.toMinutes() + " min";
    }

    private static String when(Instant time) {
        return time == null ? "?" : WHEN.format(time);
    }

    private static String quantityName(Quantity q) {
        if (q == null) {
            return "valeur";
        }
        return switch (q) {
            case H -> "hauteur";
            case Q -> "débit";
            case P -> "pluie";
            case E -> "évapotranspiration";
            case T -> "température";
        };
    }

    static String format(double value, Quantity q) {
        DecimalFormat number = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        String unit = q == null ? "" : switch (q) {
            case H -> " m";
            case Q -> " m³/s";
            case P, E -> " mm";
            case T -> " °C";
        };
        return number.format(value) + unit;
    }

    /**
     * The message from a configured template instead of the built-in text. Placeholders: {@code {titre}} (the
     * subject), {@code {niveau}}, {@code {station}}, {@code {code}}, {@code {grandeur}}, {@code {base}} (observée /
     * prévue), {@code {valeur}} (with its unit), {@code {quand}} (Europe/Paris), {@code {seuil}} (with its unit),
     * {@code {libelle}}, {@code {probabilite}} ("70 %"), {@code {tendance}}, {@code {precedent}}; a value that does not
     * apply is empty.
     */
    static String fromTemplate(String template, AlertEvent event, Station station, double probability, String trend) {
        Threshold threshold = event.threshold();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("titre", subject(event, station));
        values.put("niveau", event.level().french());
        values.put("station", station == null ? event.stationCode() : station.name());
        values.put("code", event.stationCode());
        values.put("grandeur", quantityName(event.quantity()));
        values.put("base", event.basis() == Basis.OBSERVED ? "observée" : "prévue");
        values.put("valeur", format(event.value(), event.quantity()));
        values.put("quand", when(event.valueTime()));
        values.put("seuil", threshold == null ? "" : format(threshold.value(), event.quantity())
                + (threshold.kind() == Threshold.Kind.RATE_OF_RISE ? "/h" : ""));
        values.put("libelle", threshold == null ? "" : threshold.label());
        values.put("probabilite", Double.isNaN(probability) ? "" : Math.round(probability * 100) + " %");
        values.put("tendance", trend == null ? "" : trend);
        values.put("precedent", event.previousLevel().french());
        String text = template;
        for (var entry : values.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return text;
    }
}
