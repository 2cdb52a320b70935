package org.vigie.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A time series with a constant step: value {@code i} applies at {@code start + i·step}.
 */
public record RegularTimeSeries(Quantity quantity, Instant start, Duration step, double[] values)
        implements TimeSeries {

    public RegularTimeSeries {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("time step must be positive, got " + step);
        }
        values = values.clone();
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Instant time(int i) {
        Objects.checkIndex(i, values.length);
        return start.plus(step.multipliedBy(i));
    }

    @Override
    public double value(int i) {
        return values[i];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegularTimeSeries r && quantity == r.quantity && start.equals(r.start)
                && step.equals(r.step) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantity, start, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "RegularTimeSeries[" + quantity + ", " + start + " every " + step + ", " + values.length + " values]";
    }
}
