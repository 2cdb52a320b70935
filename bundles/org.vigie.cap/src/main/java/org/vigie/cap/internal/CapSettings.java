package org.vigie.cap.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.vigie.api.VigilanceLevel;

/**
 * How Vigie signs and words the CAP documents it issues; one per platform (the channel's configuration).
 *
 * @param sender           CAP {@code sender}: no spaces or commas, e.g. {@code vigie@orleans-metropole.fr}
 * @param senderName       CAP {@code senderName}, e.g. "Orléans Métropole — Vigie"
 * @param status           {@code Actual} in operation, {@code Exercise} for a drill, {@code Test} for the demo
 * @param identifierPrefix prepended to the alert event id to make the CAP identifier, e.g. {@code vigie-orleans-}
 * @param validity         how long an alert, escalation or de-escalation stays valid ({@code expires} − {@code sent});
 *                         a longer episode is kept alive by its next update
 * @param endedValidity    how long an end-of-vigilance message stays valid
 * @param imminence        a forecast exceedance within this lead time is {@code Expected}, later {@code Future}
 * @param stationRadiusKm  radius of the circle around the station used as area when no polygon is given
 * @param web              optional CAP {@code web} link (absolute URI), e.g. the public vigilance page
 * @param contact          optional CAP {@code contact}
 * @param instructions     the French instruction per level (GREEN: end of vigilance); missing levels take the
 *                         defaults of {@link #defaultInstructions()}
 */
public record CapSettings(String sender, String senderName, CapAlert.Status status, String identifierPrefix,
                          Duration validity, Duration endedValidity, Duration imminence, double stationRadiusKm,
                          String web, String contact, Map<VigilanceLevel, String> instructions) {

    public CapSettings {
        Objects.requireNonNull(sender, "sender");
        if (sender.isBlank() || CapText.hasForbiddenIdChar(sender)) {
            throw new IllegalArgumentException("CAP sender must be non-empty, without spaces, commas, '<' or '&': '"
                    + sender + "'");
        }
        senderName = senderName == null || senderName.isBlank() ? sender : senderName;
        status = status == null ? CapAlert.Status.ACTUAL : status;
        identifierPrefix = identifierPrefix == null ? "" : identifierPrefix;
        if (CapText.hasForbiddenIdChar(identifierPrefix)) {
            throw new IllegalArgumentException("identifier prefix cannot contain spaces, commas, '<' or '&': '"
                    + identifierPrefix + "'");
        }
        validity = positive(validity, Duration.ofHours(24), "validity");
        endedValidity = positive(endedValidity, Duration.ofHours(6), "endedValidity");
        imminence = imminence == null ? Duration.ofHours(1) : imminence;
        if (imminence.isNegative()) {
            throw new IllegalArgumentException("imminence must not be negative: " + imminence);
        }
        if (!(stationRadiusKm > 0) || Double.isInfinite(stationRadiusKm)) {
            throw new IllegalArgumentException("station radius must be a positive number of km: " + stationRadiusKm);
        }
        Map<VigilanceLevel, String> all = defaultInstructions();
        if (instructions != null) {
            all.putAll(instructions);
        }
        instructions = Map.copyOf(all);
    }

    /** Defaults: status Actual, no prefix, 24 h validity, 6 h after an end, 1 h imminence, 2 km station circle. */
    public static CapSettings of(String sender, String senderName) {
        return new CapSettings(sender, senderName, null, null, null, null, null, 2.0, null, null, null);
    }

    /** @return a copy with another status (e.g. {@code TEST} for the demo replay) */
    public CapSettings withStatus(CapAlert.Status newStatus) {
        return new CapSettings(sender, senderName, newStatus, identifierPrefix, validity, endedValidity, imminence,
                stationRadiusKm, web, contact, instructions);
    }

    /** @return a copy with another identifier prefix */
    public CapSettings withIdentifierPrefix(String prefix) {
        return new CapSettings(sender, senderName, status, prefix, validity, endedValidity, imminence,
                stationRadiusKm, web, contact, instructions);
    }

    /** @return a copy with a web link and a contact */
    public CapSettings withWebAndContact(String newWeb, String newContact) {
        return new CapSettings(sender, senderName, status, identifierPrefix, validity, endedValidity, imminence,
                stationRadiusKm, newWeb, newContact, instructions);
    }

    /** @return the default French instructions, after the national flood vigilance advice */
    public static Map<VigilanceLevel, String> defaultInstructions() {
        Map<VigilanceLevel, String> m = new EnumMap<>(VigilanceLevel.class);
        m.put(VigilanceLevel.GREEN, "Fin de vigilance. Restez prudents aux abords des cours d'eau : les niveaux "
                + "restent élevés pendant la décrue.");
        m.put(VigilanceLevel.YELLOW, "Soyez attentifs à l'évolution de la situation et tenez-vous informés. "
                + "Ne stationnez pas au bord des cours d'eau et respectez les consignes des autorités.");
        m.put(VigilanceLevel.ORANGE, "Soyez très vigilants : tenez-vous informés, éloignez-vous des cours d'eau, "
                + "ne vous engagez pas à pied ou en voiture sur une voie inondée. Mettez vos biens hors d'eau et "
                + "préparez-vous à une éventuelle évacuation.");
        m.put(VigilanceLevel.RED, "Une vigilance absolue s'impose : conformez-vous aux consignes des autorités et "
                + "évacuez si elles le demandent. Ne vous engagez en aucun cas sur une voie inondée ; mettez-vous en "
                + "sécurité en hauteur.");
        return m;
    }

    private static Duration positive(Duration d, Duration fallback, String what) {
        Duration value = d == null ? fallback : d;
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }
}
