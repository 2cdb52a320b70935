/**
 * Services the platform provides: to plug-ins ({@link org.vigie.api.service.ObservationSink}), to the web
 * layer and operators ({@link org.vigie.api.service.PluginRegistry},
 * {@link org.vigie.api.service.CatchmentRegistry}, {@link org.vigie.api.service.ForecastService}), and the
 * storage contracts a store bundle implements ({@link org.vigie.api.service.SeriesStore},
 * {@link org.vigie.api.service.ForecastArchive}, {@link org.vigie.api.service.ModelStateStore},
 * {@link org.vigie.api.service.AlertStore}).
 */
@Export
@Version("1.3.0")
package org.vigie.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
