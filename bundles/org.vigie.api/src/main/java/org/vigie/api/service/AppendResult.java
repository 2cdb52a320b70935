package org.vigie.api.service;

/**
 * How many of the observations handed over were new and how many were already stored.
 */
public record AppendResult(int stored, int duplicates) {
    public static final AppendResult NONE = new AppendResult(0, 0);

    public AppendResult plus(AppendResult other) {
        return new AppendResult(stored + other.stored, duplicates + other.duplicates);
    }
}
