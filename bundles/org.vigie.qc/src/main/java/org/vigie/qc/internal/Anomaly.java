package org.vigie.qc.internal;

import java.time.Instant;

/** One finding about one observation, readable by a person. */
public record Anomaly(Instant time, double value, QcFlag flag, String reason) {
}
