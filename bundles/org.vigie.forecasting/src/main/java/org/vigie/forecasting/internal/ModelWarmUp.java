package org.vigie.forecasting.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;
import org.vigie.model.gr.internal.core.WarmUp;

/**
 * The model state at the start of a period, by the forecasting chain's warm-up rule:
 * <ol>
 * <li>airGR's default when the data allow it: the year before the period ({@link WarmUp#defaultStart}), run from
 * airGR's default initial state (production store 0.3·X1, routing store 0.5·X3, unit hydrographs empty);</li>
 * <li>otherwise (less than 365 days of data before the period) a <em>spin-up</em>: the model runs once over the
 * first calendar year of the period itself (or all of it when shorter) from the default initial state, and the
 * state it ends in, one year later in the same season, starts the period. No step of the period is lost to the
 * warm-up.</li>
 * </ol>
 *
 * @param state   the state at the period's start
 * @param from    first warm-up step
 * @param to      end of the warm-up steps, exclusive (the period's start for airGR's rule)
 * @param spinUp  whether the second rule was used
 */
public record ModelWarmUp(GrState state, int from, int to, boolean spinUp) {

    private static final Duration YEAR = Duration.ofDays(365);

    /**
     * @param times time stamps of the inputs (UTC, regular)
     * @param start index of the period's first step
     */
    public static ModelWarmUp before(GrParameters parameters, Instant[] times, double[] precipitation,
                                     double[] evaporation, int start, int periodEnd) {
        GrState initial = parameters.model().defaultInitialState(parameters);
        int from = WarmUp.defaultStart(times, start);
        boolean fullYear = start > from && !Duration.between(times[from], times[start]).minus(YEAR).isNegative();
        if (fullYear) {
            GrState warm = parameters.model().run(parameters, initial, precipitation, evaporation, from, start,
                    GrOutputs.STATE_ONLY).endState();
            return new ModelWarmUp(warm, from, start, false);
        }
        Instant yearLater = times[start].atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        int to = start;
        while (to < periodEnd && times[to].isBefore(yearLater)) {
            to++;
        }
        GrState spun = parameters.model().run(parameters, initial, precipitation, evaporation, start, to,
                GrOutputs.STATE_ONLY).endState();
        return new ModelWarmUp(spun, start, to, true);
    }

    /** A line for logs and reports. */
    public String describe(Instant[] times) {
        return spinUp ? "spin-up over " + times[from] + " .. " + times[to - 1]
                + " (less than a year of data before the period), its end state starts the period"
                : "airGR's default: the year before, " + times[from] + " .. " + times[to - 1];
    }
}
