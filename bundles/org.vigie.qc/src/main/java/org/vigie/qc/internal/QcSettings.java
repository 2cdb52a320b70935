package org.vigie.qc.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.vigie.api.Quantity;

/**
 * Thresholds of the diagnostics. {@link #defaults(Duration)} gives values tuned on hourly discharge of the Cance
 * (see the module README); the record's withers let a caller change one threshold at a time.
 *
 * @param expectedStep          the series' nominal time step
 * @param gapTolerance          a spacing above {@code gapTolerance × expectedStep} is a gap (1.5: tolerates jitter of
 *                              half a step without calling it missing)
 * @param ranges                plausible range per quantity; a quantity without an entry is not range-checked
 * @param spikeHalfWindow       neighbours on each side used for the rolling median and MAD
 * @param spikeMadMultiplier    how many robust standard deviations (1.4826 × MAD) a value or a jump must exceed
 * @param spikeMinJump          absolute floor of a flagged deviation per quantity, so that a quiet stretch (MAD ≈ 0)
 *                              does not turn sensor resolution into spikes; a quantity without an entry is not
 *                              spike-checked (P and E are intermittent: a shower is not a fault)
 * @param spikeMinRelativeJump  relative floor of a flagged deviation, as a fraction of the local median magnitude
 * @param flatlineMinRunLength  fewest identical consecutive values that can form a flatline
 * @param flatlineMinDuration   shortest time from the first to the last identical value that forms a flatline
 */
public record QcSettings(Duration expectedStep, double gapTolerance, Map<Quantity, PhysicalRange> ranges,
                         int spikeHalfWindow, double spikeMadMultiplier, Map<Quantity, Double> spikeMinJump,
                         double spikeMinRelativeJump, int flatlineMinRunLength, Duration flatlineMinDuration) {

    public QcSettings {
        Objects.requireNonNull(expectedStep, "expectedStep");
        Objects.requireNonNull(flatlineMinDuration, "flatlineMinDuration");
        if (expectedStep.isZero() || expectedStep.isNegative()) {
            throw new IllegalArgumentException("expectedStep must be positive, got " + expectedStep);
        }
        if (gapTolerance < 1) {
            throw new IllegalArgumentException("gapTolerance must be at least 1, got " + gapTolerance);
        }
        if (spikeHalfWindow < 2) {
            throw new IllegalArgumentException("spikeHalfWindow must be at least 2, got " + spikeHalfWindow);
        }
        if (flatlineMinRunLength < 2) {
            throw new IllegalArgumentException("flatlineMinRunLength must be at least 2, got " + flatlineMinRunLength);
        }
        ranges = Map.copyOf(ranges);
        spikeMinJump = Map.copyOf(spikeMinJump);
    }

    /**
     * Documented defaults: ranges H −5..30 m, Q 0..50 000 m³/s, P 0..300 mm per step; spike window ±6 steps,
     * 6 robust standard deviations, floors 0.05 m (H), 0.1 m³/s (Q), 25 % of the local level; flatline at 4 or more
     * identical values spanning at least 6 h; gap above 1.5 steps.
     */
    public static QcSettings defaults(Duration expectedStep) {
        Map<Quantity, PhysicalRange> ranges = new EnumMap<>(Quantity.class);
        ranges.put(Quantity.H, new PhysicalRange(-5, 30));
        ranges.put(Quantity.Q, new PhysicalRange(0, 50_000));
        ranges.put(Quantity.P, new PhysicalRange(0, 300));
        Map<Quantity, Double> minJump = new EnumMap<>(Quantity.class);
        minJump.put(Quantity.H, 0.05);
        minJump.put(Quantity.Q, 0.1);
        return new QcSettings(expectedStep, 1.5, ranges, 6, 6.0, minJump, 0.25, 4, Duration.ofHours(6));
    }

    public QcSettings withSpikeMadMultiplier(double multiplier) {
        return new QcSettings(expectedStep, gapTolerance, ranges, spikeHalfWindow, multiplier, spikeMinJump,
                spikeMinRelativeJump, flatlineMinRunLength, flatlineMinDuration);
    }

    public QcSettings withFlatline(int minRunLength, Duration minDuration) {
        return new QcSettings(expectedStep, gapTolerance, ranges, spikeHalfWindow, spikeMadMultiplier, spikeMinJump,
                spikeMinRelativeJump, minRunLength, minDuration);
    }

    public QcSettings withSpikeMinJump(Quantity quantity, double minJump) {
        Map<Quantity, Double> changed = new EnumMap<>(Quantity.class);
        changed.putAll(spikeMinJump);
        changed.put(quantity, minJump);
        return new QcSettings(expectedStep, gapTolerance, ranges, spikeHalfWindow, spikeMadMultiplier, changed,
                spikeMinRelativeJump, flatlineMinRunLength, flatlineMinDuration);
    }
}
