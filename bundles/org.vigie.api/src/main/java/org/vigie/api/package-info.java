/**
 * Vigie's domain model: stations, quantities in SI units, observations with provenance and quality,
 * time series, forecasts with optional quantiles, thresholds, vigilance levels and alert events.
 *
 * <p>Conventions used throughout: every instant is UTC ({@link java.time.Instant}); level H is in metres
 * above the gauge zero, discharge Q in m³/s, rainfall P and evapotranspiration E in mm per time step,
 * temperature T in °C. Connectors convert at the border; nothing inside Vigie holds other units.
 */
@Export
@Version("1.3.0")
package org.vigie.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
