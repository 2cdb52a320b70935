package org.vigie.api.spi;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;
import org.vigie.api.Quantity;

/**
 * Told, after each committed ingest, which part of which series received new observations (whiteboard: register a
 * service). Called on the delivering connector's thread: return quickly or hand the work over; an exception is
 * logged and does not undo the ingest.
 *
 * @since 1.1
 */
@ConsumerType
public interface IngestListener {

    /**
     * New observations of {@code stationCode}'s {@code quantity} were committed with times in
     * {@code [from, to]} (both inclusive).
     */
    void stored(String stationCode, Quantity quantity, Instant from, Instant to);
}
