package org.vigie.forecasting.internal;

import java.util.List;

/**
 * Verification of the forecasts of one lead time over a hindcast.
 *
 * @param lead                   lead time in steps
 * @param pairs                  (forecast, observation) pairs scored
 * @param nse                    NSE of the updated and corrected forecast
 * @param kge                    KGE (2009) of the same
 * @param bias                   relative bias μf/μo − 1 of the same
 * @param rmse                   root mean square error of the same (flow unit of the model)
 * @param coverage               share of observations inside the [lower, upper] uncertainty band (NaN without one)
 * @param nsePersistence         NSE of the last observation held constant
 * @param nseNoUpdate            NSE of the same model run without updating (open loop), same rainfall scenario
 * @param nseStateUpdateOnly     NSE with the routing store reset but no output correction
 * @param kgePersistence         KGE of persistence
 * @param kgeNoUpdate            KGE without updating
 * @param meanPeakError          mean over the events of (forecast peak − observed peak) / observed peak
 * @param meanAbsolutePeakTiming mean over the events of |forecast peak time − observed peak time|, in steps
 * @param meanPeakTiming         mean signed timing error (positive = forecast peak late), in steps
 * @param thresholds             exceedance scores, one per threshold
 */
public record LeadScores(int lead, long pairs, double nse, double kge, double bias, double rmse, double coverage,
                         double nsePersistence, double nseNoUpdate, double nseStateUpdateOnly, double kgePersistence,
                         double kgeNoUpdate, double meanPeakError, double meanAbsolutePeakTiming,
                         double meanPeakTiming, List<ThresholdScores> thresholds) {

    public LeadScores {
        thresholds = List.copyOf(thresholds);
    }
}
