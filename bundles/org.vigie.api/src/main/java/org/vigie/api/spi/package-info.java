/**
 * The service provider interfaces plug-ins implement: {@link org.vigie.api.spi.StationConnector},
 * {@link org.vigie.api.spi.RiverModel} and {@link org.vigie.api.spi.AlertChannel}. Each plug-in bundle
 * registers its implementation as an OSGi service; the core picks it up (whiteboard pattern), lists it in the
 * registry view, and forgets everything about it when the service goes away.
 */
@Export
@Version("1.1.0")
package org.vigie.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
