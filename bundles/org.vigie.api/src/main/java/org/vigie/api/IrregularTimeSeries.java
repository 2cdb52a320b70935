package org.vigie.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A time series whose values come at arbitrary, strictly increasing times (as sensors deliver them).
 */
public record IrregularTimeSeries(Quantity quantity, List<Instant> times, double[] values) implements TimeSeries {

    public IrregularTimeSeries {
        Objects.requireNonNull(quantity, "quantity");
        times = List.copyOf(times);
        values = values.clone();
        if (times.size() != values.length) {
            throw new IllegalArgumentException(times.size() + " times but " + values.length + " values");
        }
        for (int i = 1; i < times.size(); i++) {
            if (!times.get(i).isAfter(times.get(i - 1))) {
                throw new IllegalArgumentException("times must increase strictly: " + times.get(i - 1)
                        + " then " + times.get(i));
            }
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Instant time(int i) {
        return times.get(i);
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
        return o instanceof IrregularTimeSeries r && quantity == r.quantity && times.equals(r.times)
                && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quantity, times, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "IrregularTimeSeries[" + quantity + ", " + values.length + " values"
                + (times.isEmpty() ? "" : " from " + times.get(0) + " to " + times.get(times.size() - 1)) + "]";
    }
}
