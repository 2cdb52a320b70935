package org.vigie.forecasting.internal;

/**
 * Streaming statistics of (observed, forecast) pairs, enough for NSE, KGE, bias and RMSE without keeping the pairs:
 * count, means, centred sums of squares and co-moment (Welford's updates, stable over long series) and the sum of
 * squared errors. Matches airGR's criteria on the same pairs (standard deviations with n − 1 cancel in the ratios).
 * Not thread-safe.
 */
public final class PairedMoments {

    private long count;
    private double meanObserved;
    private double meanForecast;
    private double squaresObserved;
    private double squaresForecast;
    private double coMoment;
    private double squaredErrors;
    private double squaredErrorsCompensation;

    /** Adds a pair; pairs with a non-finite member are skipped. */
    public void add(double observed, double forecast) {
        if (!Double.isFinite(observed) || !Double.isFinite(forecast)) {
            return;
        }
        count++;
        double deltaObserved = observed - meanObserved;
        double deltaForecast = forecast - meanForecast;
        meanObserved += deltaObserved / count;
        meanForecast += deltaForecast / count;
        squaresObserved += deltaObserved * (observed - meanObserved);
        squaresForecast += deltaForecast * (forecast - meanForecast);
        coMoment += deltaObserved * (forecast - meanForecast);
        // Kahan summation of the squared errors
        double error = forecast - observed;
        double term = error * error - squaredErrorsCompensation;
        double sum = squaredErrors + term;
        squaredErrorsCompensation = (sum - squaredErrors) - term;
        squaredErrors = sum;
    }

    public long count() {
        return count;
    }

    /** Nash-Sutcliffe efficiency 1 − Σ(f − o)² / Σ(o − ō)², NaN with fewer than 2 pairs or constant observations. */
    public double nse() {
        return count < 2 || squaresObserved == 0 ? Double.NaN : 1 - squaredErrors / squaresObserved;
    }

    /** Kling-Gupta efficiency (Gupta et al. 2009): 1 − √((r − 1)² + (α − 1)² + (β − 1)²), α = σf/σo, β = μf/μo. */
    public double kge() {
        if (count < 2 || squaresObserved == 0 || meanObserved == 0) {
            return Double.NaN;
        }
        double r = squaresForecast == 0 ? 0 : coMoment / Math.sqrt(squaresObserved * squaresForecast);
        double alpha = Math.sqrt(squaresForecast / squaresObserved);
        double beta = meanForecast / meanObserved;
        return 1 - Math.sqrt((r - 1) * (r - 1) + (alpha - 1) * (alpha - 1) + (beta - 1) * (beta - 1));
    }

    /** Relative bias μf/μo − 1 (0 = unbiased, +0.1 = forecasts 10 % too high on average). */
    public double relativeBias() {
        return count == 0 || meanObserved == 0 ? Double.NaN : meanForecast / meanObserved - 1;
    }

    public double rmse() {
        return count == 0 ? Double.NaN : Math.sqrt(squaredErrors / count);
    }

    public double meanObserved() {
        return count == 0 ? Double.NaN : meanObserved;
    }
}
