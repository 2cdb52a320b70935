package org.vigie.api;

/**
 * Where an observation came from. {@code source} is part of an observation's identity: the same station,
 * quantity and time delivered again by the same source is the same observation.
 *
 * @param source    the delivering source, e.g. {@code "csv"} or {@code "hubeau"}; never blank
 * @param method    how the value was obtained, as the source names it (e.g. a Sandre method code), or ""
 * @param reference where in the source it was found, e.g. {@code "K435001010_20240101.csv:12"}, or ""
 */
public record Provenance(String source, String method, String reference) {
    public Provenance {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("provenance needs a source");
        }
        method = method == null ? "" : method;
        reference = reference == null ? "" : reference;
    }

    /** A provenance with only a source. */
    public static Provenance of(String source) {
        return new Provenance(source, "", "");
    }
}
