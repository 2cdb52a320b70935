package org.vigie.api.service;

import java.util.Collection;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.Observation;

/**
 * Where connectors deliver observations. The platform stores them (idempotently), then evaluates thresholds on
 * them.
 */
@ProviderType
public interface ObservationSink {

    /**
     * Stores a batch atomically. When this returns, every observation is committed; when it throws, none is,
     * and the caller must keep them to deliver again.
     *
     * @throws StoreException when the batch could not be stored
     */
    AppendResult ingest(Collection<Observation> observations);
}
