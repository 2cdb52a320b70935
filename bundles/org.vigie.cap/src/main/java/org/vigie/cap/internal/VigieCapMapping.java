package org.vigie.cap.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.vigie.api.AlertEvent;
import org.vigie.api.VigilanceLevel;

/**
 * How a Vigie alert maps onto CAP 1.2's code lists (tables in {@code docs/alerts-cap.md}). Pure functions.
 */
public final class VigieCapMapping {

    /** Forecast probabilities at or above this are {@code Likely} (CAP: "p &gt; ~50%"). */
    public static final double LIKELY = 0.5;
    /** Forecast probabilities at or above this (and below {@link #LIKELY}) are {@code Possible}, below it
     * {@code Unlikely} (CAP: "p ~ 0"). */
    public static final double POSSIBLE = 0.05;

    private VigieCapMapping() {
    }

    /** GREEN → Minor, YELLOW → Moderate, ORANGE → Severe, RED → Extreme. */
    public static CapInfo.Severity severity(VigilanceLevel level) {
        return switch (level) {
            case GREEN -> CapInfo.Severity.MINOR;
            case YELLOW -> CapInfo.Severity.MODERATE;
            case ORANGE -> CapInfo.Severity.SEVERE;
            case RED -> CapInfo.Severity.EXTREME;
        };
    }

    /**
     * RAISED → Alert; ESCALATED, DEESCALATED, ENDED and LOCAL_STEP (a named local level crossed within the same
     * vigilance level) → Update (of the episode's earlier messages).
     */
    public static CapAlert.MsgType msgType(AlertEvent.Transition transition) {
        return transition == AlertEvent.Transition.RAISED ? CapAlert.MsgType.ALERT : CapAlert.MsgType.UPDATE;
    }

    /**
     * Observed → Observed whatever the probability; forecast → from the exceedance probability p:
     * p ≥ 0.5 Likely, 0.05 ≤ p &lt; 0.5 Possible, p &lt; 0.05 Unlikely, unknown (null or NaN) → Unknown.
     */
    public static CapInfo.Certainty certainty(AlertEvent.Basis basis, Double probability) {
        if (basis == AlertEvent.Basis.OBSERVED) {
            return CapInfo.Certainty.OBSERVED;
        }
        if (probability == null || probability.isNaN()) {
            return CapInfo.Certainty.UNKNOWN;
        }
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        if (probability >= LIKELY) {
            return CapInfo.Certainty.LIKELY;
        }
        return probability >= POSSIBLE ? CapInfo.Certainty.POSSIBLE : CapInfo.Certainty.UNLIKELY;
    }

    /**
     * ENDED → Past; observed → Immediate; forecast → by lead time from the decision ({@code createdAt}) to the
     * exceedance ({@code valueTime}): already reached → Immediate, within {@code imminence} → Expected (CAP:
     * "within next hour"), later → Future; forecast without a time → Unknown.
     */
    public static CapInfo.Urgency urgency(AlertEvent event, Duration imminence) {
        if (event.transition() == AlertEvent.Transition.ENDED) {
            return CapInfo.Urgency.PAST;
        }
        if (event.basis() == AlertEvent.Basis.OBSERVED) {
            return CapInfo.Urgency.IMMEDIATE;
        }
        Instant when = event.valueTime();
        if (when == null) {
            return CapInfo.Urgency.UNKNOWN;
        }
        Duration lead = Duration.between(event.createdAt(), when);
        if (lead.isNegative() || lead.isZero()) {
            return CapInfo.Urgency.IMMEDIATE;
        }
        return lead.compareTo(imminence) <= 0 ? CapInfo.Urgency.EXPECTED : CapInfo.Urgency.FUTURE;
    }

    /** GREEN → AllClear, YELLOW → Monitor, ORANGE → Prepare, RED → Prepare and Avoid. */
    public static List<CapInfo.ResponseType> responseTypes(VigilanceLevel level) {
        return switch (level) {
            case GREEN -> List.of(CapInfo.ResponseType.ALL_CLEAR);
            case YELLOW -> List.of(CapInfo.ResponseType.MONITOR);
            case ORANGE -> List.of(CapInfo.ResponseType.PREPARE);
            case RED -> List.of(CapInfo.ResponseType.PREPARE, CapInfo.ResponseType.AVOID);
        };
    }

    /**
     * The MeteoAlarm {@code awareness_level} parameter value (also used by Météo-France's CAP feed):
     * {@code 1; green; Minor} … {@code 4; red; Extreme}.
     */
    public static String awarenessLevel(VigilanceLevel level) {
        String colour = level.name().toLowerCase(java.util.Locale.ROOT);
        return (level.ordinal() + 1) + "; " + colour + "; " + severity(level).xml();
    }
}
