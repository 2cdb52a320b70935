package org.vigie.forecasting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;

/**
 * Streams every forecast of a hindcast to CSV as it is issued, one row per (issue, lead):
 * {@code issue_time,lead,time,forecast,q<p>…,no_update,model,observed,p_exceed_<S>…} with the band quantiles and
 * the probability of exceeding each threshold. Nothing is held in memory. Flows are shown as
 * model flow × {@code flowFactor}. Not thread-safe; the caller closes the writer.
 */
public final class ForecastArchive implements Hindcast.Sink {

    private final Writer out;
    private final Instant[] times;
    private final double[] observed;
    private final UncertaintyModel uncertainty;
    private final double[] probabilities;
    private final double[] thresholds;
    private final double flowFactor;

    /**
     * @param thresholds    thresholds in the model's flow unit
     * @param probabilities quantiles to write, e.g. 0.1, 0.5, 0.9
     */
    public ForecastArchive(Writer out, Instant[] times, double[] observed, UncertaintyModel uncertainty,
                           double[] probabilities, double[] thresholds, double flowFactor) {
        this.out = out;
        this.times = times;
        this.observed = observed;
        this.uncertainty = uncertainty;
        this.probabilities = probabilities.clone();
        this.thresholds = thresholds.clone();
        this.flowFactor = flowFactor;
        StringBuilder header = new StringBuilder("issue_time,lead,time,forecast");
        for (double p : probabilities) {
            header.append(",q").append(new java.math.BigDecimal(Double.toString(p * 100)).stripTrailingZeros()
                    .toPlainString());
        }
        header.append(",no_update,model,observed");
        for (double threshold : thresholds) {
            header.append(",p_exceed_").append(new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g",
                    threshold * flowFactor)).stripTrailingZeros().toPlainString());
        }
        write(header.append('\n'));
    }

    @Override
    public void accept(IssuedForecast issued) {
        StringBuilder rows = new StringBuilder(64 * issued.leads());
        Instant issueTime = times[issued.issueIndex() + 1];
        double[] forecast = issued.forecast().corrected();
        for (int k = 0; k < issued.leads(); k++) {
            int lead = k + 1;
            int target = issued.issueIndex() + lead;
            rows.append(issueTime).append(',').append(lead).append(',').append(times[target]).append(',')
                    .append(number(forecast[k] * flowFactor));
            for (double p : probabilities) {
                rows.append(',').append(number(uncertainty.quantile(lead, forecast[k], p) * flowFactor));
            }
            rows.append(',').append(number(issued.openLoop()[k] * flowFactor)).append(',')
                    .append(number(issued.forecast().model()[k] * flowFactor)).append(',')
                    .append(number(observed[target] * flowFactor));
            for (double threshold : thresholds) {
                rows.append(',').append(String.format(Locale.ROOT, "%.3f",
                        uncertainty.exceedanceProbability(lead, forecast[k], threshold)));
            }
            rows.append('\n');
        }
        write(rows);
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.5g", value) : "";
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
