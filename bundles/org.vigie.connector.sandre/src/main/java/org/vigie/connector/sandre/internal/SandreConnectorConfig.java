package org.vigie.connector.sandre.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One drop folder of Sandre hydrometrie XML files, as a factory configuration, e.g.
 * {@code config/org.vigie.connector.sandre-vigicrues.config}. The single source of the defaults:
 * {@link ConnectorSettings} only carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie Sandre hydrometrie XML connector",
        description = "Imports Sandre hydrometrie XML 1.1 files (observations, rainfall, elaborated observations,"
                + " forecasts) dropped in a folder; one configuration per folder")
@interface SandreConnectorConfig {

    @AttributeDefinition(
            name = "Name",
            description = "Name of this instance; the connector's id is sandre:<name>. Empty means the folder",
            required = false)
    String name() default "";

    @AttributeDefinition(
            name = "Folder",
            description = "Folder polled for files; a relative path is resolved against the framework property"
                    + " vigie.home, or the working directory when it is not set",
            required = false)
    String folder() default "data/sandre";

    @AttributeDefinition(
            name = "File pattern",
            description = "Glob selecting the files of this instance in the folder",
            required = false)
    String filePattern() default "*.xml";

    @AttributeDefinition(
            name = "Poll interval (ms)",
            description = "Delay between the end of one look at the folder and the next",
            required = false,
            min = "1")
    long pollIntervalMillis() default 1000L;

    @AttributeDefinition(
            name = "Stations",
            description = "Station, site or meteorological site codes to import; values of any other entity are"
                    + " skipped (counted, not reported). Empty imports every entity of the files",
            required = false)
    String[] stations() default {};

    @AttributeDefinition(
            name = "Time zone",
            description = "Zone of Sandre date-times written without an offset, e.g. 2010-02-26T13:10:00;"
                    + " UTC when the producer writes UTC without saying so",
            required = false)
    String timeZone() default "Europe/Paris";

    @AttributeDefinition(
            name = "Source",
            description = "Provenance source of the observations (part of their identity); elaborated observations"
                    + " get <source>:<type>, e.g. sandre:QmJ, and forecast points are <source>:<code>:<H|Q>",
            required = false)
    String source() default "sandre";
}
