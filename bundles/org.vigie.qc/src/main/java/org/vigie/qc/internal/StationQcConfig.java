package org.vigie.qc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Thresholds of one station's diagnostics, one factory configuration per station and quantity:
 * {@code config/org.vigie.qc.station-<name>.config}. Every threshold left out keeps its default.
 */
@ObjectClassDefinition(name = "Vigie station diagnostics",
        description = "Data-diagnostic thresholds of one station (and one quantity, or all)")
public @interface StationQcConfig {

    @AttributeDefinition(description = "Station code")
    String station();

    @AttributeDefinition(description = "Quantity these thresholds apply to (H, Q, P, E, T); empty: all of them")
    String quantity() default "";

    @AttributeDefinition(description = "Nominal time step in minutes; 0: the median spacing of the data")
    long expectedStepMinutes() default 0;

    @AttributeDefinition(description = "Lowest plausible value in Vigie's unit (m, m³/s, mm); NaN: the default")
    double rangeMin() default Double.NaN;

    @AttributeDefinition(description = "Highest plausible value in Vigie's unit; NaN: the default")
    double rangeMax() default Double.NaN;

    @AttributeDefinition(description = "Smallest deviation called a spike or jump, in Vigie's unit; NaN: the default")
    double spikeMinJump() default Double.NaN;

    @AttributeDefinition(description = "Robust standard deviations a spike must exceed; NaN: the default (6)")
    double spikeMadMultiplier() default Double.NaN;

    @AttributeDefinition(description = "Fewest identical values forming a flatline; 0: the default (4)")
    int flatlineMinValues() default 0;

    @AttributeDefinition(description = "Shortest flatline in hours; 0: the default (6)")
    double flatlineMinHours() default 0;

    @AttributeDefinition(description = "Relative departure from the station's own stage–discharge relation flagged")
    double levelDischargeTolerance() default 0.2;

    @AttributeDefinition(description = "Upstream or downstream station compared with; empty: none")
    String neighbourStation() default "";

    @AttributeDefinition(description = "Travel time from the neighbour to this station in minutes (negative when"
            + " the neighbour is downstream)")
    long neighbourLagMinutes() default 0;

    @AttributeDefinition(description = "Span in hours of the local median of the ratio to the neighbour")
    long neighbourWindowHours() default 72;

    @AttributeDefinition(description = "Relative departure of the ratio to the neighbour from its usual value flagged")
    double neighbourTolerance() default 0.5;
}
