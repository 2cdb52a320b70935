package org.vigie.cap.internal;

import java.util.Objects;

/**
 * A {@code <resource>}: a file supplementing the info block. Optional elements are {@code null} when absent.
 *
 * @param size in bytes
 * @param uri  kept as text
 */
public record CapResource(String resourceDesc, String mimeType, Long size, String uri, String derefUri,
                          String digest) {
    public CapResource {
        Objects.requireNonNull(resourceDesc, "resourceDesc");
        Objects.requireNonNull(mimeType, "mimeType");
    }
}
