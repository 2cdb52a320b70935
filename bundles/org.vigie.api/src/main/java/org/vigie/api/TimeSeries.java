package org.vigie.api;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * A series of values of one quantity in time order. Missing values are {@code NaN}.
 * Implementations are immutable: arrays are copied in and out.
 */
public sealed interface TimeSeries permits RegularTimeSeries, IrregularTimeSeries {

    /** @return the quantity of every value, in its Vigie unit */
    Quantity quantity();

    /** @return the number of time steps */
    int size();

    /** @return the time of step {@code i} */
    Instant time(int i);

    /** @return the value at step {@code i}, {@code NaN} when missing */
    double value(int i);

    /** @return a copy of all values */
    double[] values();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** @return the index of the last non-missing value, if any */
    default OptionalInt lastValidIndex() {
        for (int i = size() - 1; i >= 0; i--) {
            if (!Double.isNaN(value(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
