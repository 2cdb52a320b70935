package org.vigie.forecasting.internal;

import java.util.List;

/**
 * What a verified hindcast gives: scores per lead, the overall band coverage, the largest events at fixed leads.
 *
 * @param issues           forecasts issued
 * @param lowerProbability non-exceedance probability of the band's lower bound (e.g. 0.1)
 * @param upperProbability that of its upper bound (e.g. 0.9)
 * @param leads            scores for leads 1…K
 * @param overallCoverage  share of all (lead, observation) pairs inside the band, NaN without an uncertainty model
 * @param events           the largest observed events with their forecasts
 */
public record VerificationResult(long issues, double lowerProbability, double upperProbability,
                                 List<LeadScores> leads, double overallCoverage, List<EventTrace> events) {

    public VerificationResult {
        leads = List.copyOf(leads);
        events = List.copyOf(events);
    }

    public LeadScores lead(int lead) {
        return leads.get(lead - 1);
    }
}
