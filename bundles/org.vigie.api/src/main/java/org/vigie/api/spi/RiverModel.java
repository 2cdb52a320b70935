package org.vigie.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A forecasting model: equations, parameters and state, and nothing else. {@link #run} is a pure function of
 * its request — no clock, no store, no shared mutable state — so it can be tested against reference
 * implementations, called concurrently, and swapped without losing anything: the core keeps the state in the
 * store between runs.
 */
@ConsumerType
public interface RiverModel {

    /** @return the model id forecast points refer to, e.g. {@code "persistence"} or {@code "gr4h"} */
    String id();

    /** @return what the model needs and provides */
    ModelDescriptor descriptor();

    /**
     * Runs the model.
     *
     * @throws IllegalArgumentException when the request lacks an input or holds an invalid parameter or state;
     *                                  the message says which
     */
    ModelResult run(ModelRequest request);
}
