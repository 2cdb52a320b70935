package org.vigie.qc.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.vigie.api.Quantity;

/** One station's diagnostic thresholds, published for {@link QualityControl}; invalid values refuse activation. */
@Component(service = StationQcConfiguration.class, configurationPid = StationQcConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StationQcConfig.class, factory = true)
public final class StationQcConfiguration {

    static final String PID = "org.vigie.qc.station";

    private final String station;
    private final Optional<Quantity> quantity;
    private final StationQcConfig config;

    @Activate
    public StationQcConfiguration(StationQcConfig config) {
        if (config.station() == null || config.station().isBlank()) {
            throw new IllegalArgumentException(PID + ": 'station' is required");
        }
        this.station = config.station().trim();
        try {
            this.quantity = config.quantity().isBlank() ? Optional.empty()
                    : Optional.of(Quantity.parse(config.quantity().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " for station " + station + ": quantity: " + e.getMessage(), e);
        }
        this.config = config;
        // fail at activation, naming the configuration, rather than at the first ingest
        settings(quantity.orElse(Quantity.Q));
    }

    String station() {
        return station;
    }

    /** @return whether these thresholds apply to {@code q} */
    boolean appliesTo(Quantity q) {
        return quantity.map(q::equals).orElse(true);
    }

    /** @return whether these thresholds name a quantity (and so win over thresholds for all quantities) */
    boolean isSpecific() {
        return quantity.isPresent();
    }

    StationQcSettings settings(Quantity q) {
        try {
            Optional<PhysicalRange> range = Double.isNaN(config.rangeMin()) && Double.isNaN(config.rangeMax())
                    ? Optional.empty()
                    : Optional.of(new PhysicalRange(
                    Double.isNaN(config.rangeMin()) ? Double.NEGATIVE_INFINITY : config.rangeMin(),
                    Double.isNaN(config.rangeMax()) ? Double.POSITIVE_INFINITY : config.rangeMax()));
            Optional<NeighbourCheck> neighbour = config.neighbourStation().isBlank() ? Optional.empty()
                    : Optional.of(new NeighbourCheck(Duration.ofMinutes(config.neighbourLagMinutes()),
                    Duration.ofHours(config.neighbourWindowHours()), config.neighbourTolerance()));
            return new StationQcSettings(
                    config.expectedStepMinutes() > 0 ? Optional.of(Duration.ofMinutes(config.expectedStepMinutes()))
                            : Optional.empty(),
                    q, range, optional(config.spikeMinJump()), optional(config.spikeMadMultiplier()),
                    config.flatlineMinValues(),
                    config.flatlineMinHours() > 0
                            ? Optional.of(Duration.ofSeconds(Math.round(config.flatlineMinHours() * 3600)))
                            : Optional.empty(),
                    new LevelDischargeCheck(config.levelDischargeTolerance(), LevelDischargeCheck.DEFAULT.madMultiplier(),
                            LevelDischargeCheck.DEFAULT.levelNeighbours()),
                    config.neighbourStation().isBlank() ? Optional.empty()
                            : Optional.of(config.neighbourStation().trim()),
                    neighbour);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + " for station " + station + ": " + e.getMessage(), e);
        }
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
