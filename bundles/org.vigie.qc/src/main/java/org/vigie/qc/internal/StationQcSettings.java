package org.vigie.qc.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.vigie.api.Quantity;

/**
 * One station's thresholds for one quantity; whatever is not given keeps the documented default of
 * {@link QcSettings#defaults} and {@link LevelDischargeCheck#DEFAULT}.
 *
 * @param expectedStep       nominal time step; empty: the median spacing of the data
 * @param range              plausible range; empty: the quantity's default range
 * @param spikeMinJump       smallest deviation called a spike, in the quantity's unit; empty: the default
 * @param spikeMadMultiplier robust standard deviations a spike must exceed; empty: the default
 * @param flatlineMinValues  fewest identical values forming a flatline; 0: the default
 * @param flatlineMinDuration shortest flatline; empty: the default
 * @param levelDischarge     the level/discharge test
 * @param neighbourStation   the upstream or downstream station compared with, if any
 * @param neighbour          the neighbour test, present with {@code neighbourStation}
 */
public record StationQcSettings(Optional<Duration> expectedStep, Quantity quantity, Optional<PhysicalRange> range,
                                OptionalDouble spikeMinJump, OptionalDouble spikeMadMultiplier,
                                int flatlineMinValues, Optional<Duration> flatlineMinDuration,
                                LevelDischargeCheck levelDischarge, Optional<String> neighbourStation,
                                Optional<NeighbourCheck> neighbour) {

    /** Every default, no neighbour. */
    public static StationQcSettings defaults(Quantity quantity) {
        return new StationQcSettings(Optional.empty(), quantity, Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, Optional.empty(), LevelDischargeCheck.DEFAULT, Optional.empty(),
                Optional.empty());
    }

    /** The per-series thresholds at {@code step}. */
    public QcSettings seriesSettings(Duration step) {
        QcSettings defaults = QcSettings.defaults(step);
        Map<Quantity, PhysicalRange> ranges = new EnumMap<>(Quantity.class);
        ranges.putAll(defaults.ranges());
        range.ifPresent(r -> ranges.put(quantity, r));
        Map<Quantity, Double> minJump = new EnumMap<>(Quantity.class);
        minJump.putAll(defaults.spikeMinJump());
        spikeMinJump.ifPresent(j -> minJump.put(quantity, j));
        return new QcSettings(step, defaults.gapTolerance(), ranges, defaults.spikeHalfWindow(),
                spikeMadMultiplier.orElse(defaults.spikeMadMultiplier()), minJump, defaults.spikeMinRelativeJump(),
                flatlineMinValues > 0 ? flatlineMinValues : defaults.flatlineMinRunLength(),
                flatlineMinDuration.orElse(defaults.flatlineMinDuration()));
    }
}
