package org.vigie.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A hindcast of a forecast point, running or finished.
 *
 * @param id              the job's id
 * @param forecastPointId the forecast point
 * @param status          where it stands
 * @param percentDone     progress, 0 to 100
 * @param message         what happened (the error when FAILED, what was learnt and stored when DONE)
 * @param leads           verification per lead time, when DONE
 * @param startedAt       when it started
 * @param finishedAt      when it finished, or {@code null}
 */
public record HindcastJob(String id, String forecastPointId, CalibrationJob.Status status, double percentDone,
                          String message, List<LeadScore> leads, Instant startedAt, Instant finishedAt) {

    /**
     * Verification at one lead time over the verified period.
     *
     * @param leadSteps        lead time in forecast steps
     * @param nse              Nash–Sutcliffe efficiency of the forecast (with updating)
     * @param kge              Kling–Gupta efficiency
     * @param bias             mean forecast over mean observation, minus 1
     * @param coverage         share of observations inside the 10–90 % band
     * @param nsePersistence   NSE of the last observation held
     * @param nseNoUpdate      NSE of the same model without updating
     */
    public record LeadScore(int leadSteps, double nse, double kge, double bias, double coverage,
                            double nsePersistence, double nseNoUpdate) {
    }

    public HindcastJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        leads = leads == null ? List.of() : List.copyOf(leads);
    }
}
