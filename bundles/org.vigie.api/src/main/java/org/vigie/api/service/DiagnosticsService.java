package org.vigie.api.service;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.Quantity;

/**
 * Data diagnostics of stored series, with each station's thresholds.
 *
 * @since 1.1
 */
@ProviderType
public interface DiagnosticsService {

    /** Formats a report can be rendered in. */
    enum Format {
        /** A standalone HTML page: summary, flag table, anomalies and an inline SVG plot. */
        HTML("text/html; charset=utf-8"),
        /** The series with flagged points marked, as SVG. */
        SVG("image/svg+xml"),
        /** The same plot as a PNG image. */
        PNG("image/png");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** @return the HTTP media type of the rendering */
        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * Diagnoses a station's stored observations of one quantity with {@code from <= time < to}.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    DiagnosticReport report(String stationCode, Quantity quantity, Instant from, Instant to);

    /**
     * Renders the report of {@link #report} with the series plotted and its flagged points marked.
     *
     * @throws IllegalArgumentException when {@code from} is not before {@code to}
     */
    byte[] render(String stationCode, Quantity quantity, Instant from, Instant to, Format format);
}
