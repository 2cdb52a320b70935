package org.vigie.api.service;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.vigie.api.DiagnosticFlag;

/**
 * The diagnostic flags of one stored observation, identified within its station and quantity by time and source.
 *
 * @param time   the observation's time
 * @param source the observation's source (see {@link org.vigie.api.Provenance#source()})
 * @param flags  the tests it failed; empty when it was checked and found clean
 */
public record ObservationFlags(Instant time, String source, Set<DiagnosticFlag> flags) {
    public ObservationFlags {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }
}
