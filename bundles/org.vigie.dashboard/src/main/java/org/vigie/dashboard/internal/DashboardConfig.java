package org.vigie.dashboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The dashboard's settings, {@code config/org.vigie.dashboard.config}; the page reads them as {@code config.json}. */
@ObjectClassDefinition(name = "Vigie dashboard", description = "The web dashboard at /dashboard/")
@interface DashboardConfig {

    @AttributeDefinition(name = "Tile URL", description = "Leaflet tile URL template, e.g. "
            + "https://tile.openstreetmap.org/{z}/{x}/{y}.png or a local tile server; empty: no tile layer "
            + "(works without internet)")
    String tileUrl() default "";

    @AttributeDefinition(name = "Tile attribution", description = "Attribution shown under the tiles, e.g. "
            + "© les contributeurs d'OpenStreetMap")
    String tileAttribution() default "";

    @AttributeDefinition(name = "Polling period (s)", description = "Refresh period when the live event stream "
            + "/api/events is unavailable")
    int refreshSeconds() default 30;

    @AttributeDefinition(name = "Background layers", description = "Stored GIS layers drawn as background; "
            + "empty: every layer of kind REFERENCE (rivers are always drawn)")
    String[] backgroundLayers() default {};
}
