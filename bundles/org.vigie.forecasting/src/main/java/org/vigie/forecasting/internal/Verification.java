package org.vigie.forecasting.internal;

import java.util.ArrayList;
import java.util.List;

import org.vigie.hydrology.internal.criteria.PeakErrors;

/**
 * Verifies a hindcast while it runs: a {@link Hindcast.Sink} that scores every forecast against the observations
 * as it is issued and keeps only running sums per lead (NSE, KGE, bias of the corrected forecast, of persistence,
 * of the model without updating and with the state update alone; band coverage; threshold contingency tables and
 * Brier scores) plus the fixed-lead forecasts inside the windows of the largest events. Peak errors compare each
 * observed event peak with the highest forecast of the same lead within ±K steps of it (K the horizon). Memory
 * does not grow with the length of the hindcast. Not thread-safe.
 */
public final class Verification implements Hindcast.Sink {

    private final double[] observed;
    private final int leads;
    private final UncertaintyModel uncertainty;
    private final double lowerProbability;
    private final double upperProbability;
    private final double[] thresholds;
    private final PairedMoments[] corrected;
    private final PairedMoments[] persistence;
    private final PairedMoments[] noUpdate;
    private final PairedMoments[] stateOnly;
    private final long[] inside;
    private final long[] banded;
    private final Contingency[][] contingency;
    private final double[][] brierSums;
    private final List<EventTrace> traces = new ArrayList<>();
    private long issues;

    /**
     * @param observed     the whole observed series (model flow unit), NaN where missing
     * @param uncertainty  the band model, or null for no band
     * @param thresholds   discharge thresholds (model flow unit)
     * @param events       windows where the fixed-lead forecasts are kept
     */
    public Verification(double[] observed, int leads, UncertaintyModel uncertainty, double lowerProbability,
                        double upperProbability, double[] thresholds, List<FloodEvent> events) {
        if (leads < 1 || !(lowerProbability < upperProbability)) {
            throw new IllegalArgumentException("need leads ≥ 1 and a lower band probability below the upper one");
        }
        this.observed = observed;
        this.leads = leads;
        this.uncertainty = uncertainty;
        this.lowerProbability = lowerProbability;
        this.upperProbability = upperProbability;
        this.thresholds = thresholds.clone();
        corrected = moments(leads);
        persistence = moments(leads);
        noUpdate = moments(leads);
        stateOnly = moments(leads);
        inside = new long[leads];
        banded = new long[leads];
        contingency = new Contingency[leads][thresholds.length];
        for (Contingency[] row : contingency) {
            for (int s = 0; s < row.length; s++) {
                row[s] = new Contingency();
            }
        }
        brierSums = new double[leads][thresholds.length];
        for (FloodEvent event : events) {
            traces.add(new EventTrace(event, observed, leads));
        }
    }

    private static PairedMoments[] moments(int leads) {
        PairedMoments[] all = new PairedMoments[leads];
        for (int k = 0; k < leads; k++) {
            all[k] = new PairedMoments();
        }
        return all;
    }

    @Override
    public void accept(IssuedForecast issued) {
        issues++;
        double[] forecast = issued.forecast().corrected();
        double[] model = issued.forecast().model();
        double[] open = issued.openLoop();
        int n = Math.min(leads, issued.leads());
        for (int k = 0; k < n; k++) {
            int lead = k + 1;
            int target = issued.issueIndex() + lead;
            double obs = observed[target];
            double low = Double.NaN;
            double high = Double.NaN;
            if (uncertainty != null) {
                low = uncertainty.quantile(lead, forecast[k], lowerProbability);
                high = uncertainty.quantile(lead, forecast[k], upperProbability);
            }
            for (EventTrace trace : traces) {
                FloodEvent event = trace.event();
                if (target >= event.windowFrom() && target < event.windowTo()) {
                    trace.record(lead, target, forecast[k], low, high, open[k]);
                }
            }
            if (!Double.isFinite(obs)) {
                continue;
            }
            corrected[k].add(obs, forecast[k]);
            persistence[k].add(obs, issued.lastObserved());
            noUpdate[k].add(obs, open[k]);
            stateOnly[k].add(obs, model[k]);
            if (uncertainty != null) {
                banded[k]++;
                if (obs >= low && obs <= high) {
                    inside[k]++;
                }
            }
            for (int s = 0; s < thresholds.length; s++) {
                boolean observedExceeds = obs >= thresholds[s];
                contingency[k][s].add(forecast[k] >= thresholds[s], observedExceeds);
                if (uncertainty != null) {
                    double probability = uncertainty.exceedanceProbability(lead, forecast[k], thresholds[s]);
                    double outcome = observedExceeds ? 1 : 0;
                    brierSums[k][s] += (probability - outcome) * (probability - outcome);
                }
            }
        }
    }

    /** The scores so far (the hindcast may go on afterwards). */
    public VerificationResult result() {
        List<LeadScores> scores = new ArrayList<>(leads);
        long allInside = 0;
        long allBanded = 0;
        for (int k = 0; k < leads; k++) {
            int lead = k + 1;
            List<ThresholdScores> exceedance = new ArrayList<>(thresholds.length);
            for (int s = 0; s < thresholds.length; s++) {
                Contingency table = contingency[k][s];
                double brier = uncertainty == null || corrected[k].count() == 0 ? Double.NaN
                        : brierSums[k][s] / corrected[k].count();
                exceedance.add(new ThresholdScores(thresholds[s], table.hits(), table.misses(), table.falseAlarms(),
                        table.pod(), table.far(), table.csi(), brier));
            }
            double peakError = 0;
            double absoluteTiming = 0;
            double timing = 0;
            int events = 0;
            for (EventTrace trace : traces) {
                PeakErrors.PeakComparison peak = trace.peak(lead, leads);
                if (peak == null) {
                    continue;
                }
                peakError += peak.relativeMagnitudeError();
                absoluteTiming += Math.abs(peak.timingErrorSteps());
                timing += peak.timingErrorSteps();
                events++;
            }
            allInside += inside[k];
            allBanded += banded[k];
            scores.add(new LeadScores(lead, corrected[k].count(), corrected[k].nse(), corrected[k].kge(),
                    corrected[k].relativeBias(), corrected[k].rmse(),
                    banded[k] == 0 ? Double.NaN : (double) inside[k] / banded[k], persistence[k].nse(),
                    noUpdate[k].nse(), stateOnly[k].nse(), persistence[k].kge(), noUpdate[k].kge(),
                    events == 0 ? Double.NaN : peakError / events,
                    events == 0 ? Double.NaN : absoluteTiming / events,
                    events == 0 ? Double.NaN : timing / events, exceedance));
        }
        return new VerificationResult(issues, lowerProbability, upperProbability, scores,
                allBanded == 0 ? Double.NaN : (double) allInside / allBanded, traces);
    }
}
