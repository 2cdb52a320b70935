package org.vigie.qc.internal;

import java.util.List;
import java.util.Set;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Observation;
import org.vigie.api.service.DiagnosticReport;

/**
 * A report with what it was made from: the raw observations of the period and, at the same index, their flags.
 */
public record DiagnosedPeriod(DiagnosticReport report, List<Observation> observations,
                              List<Set<DiagnosticFlag>> flags) {
    public DiagnosedPeriod {
        observations = List.copyOf(observations);
        flags = List.copyOf(flags);
        if (flags.size() != observations.size()) {
            throw new IllegalArgumentException("one flag set per observation expected");
        }
    }
}
