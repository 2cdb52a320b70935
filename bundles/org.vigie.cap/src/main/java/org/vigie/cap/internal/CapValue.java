package org.vigie.cap.internal;

import java.util.Objects;

/** A {@code valueName}/{@code value} pair: an {@code eventCode}, a {@code parameter} or a {@code geocode}. */
public record CapValue(String valueName, String value) {
    public CapValue {
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(value, "value");
    }
}
