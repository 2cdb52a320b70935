package org.vigie.connector.csv.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One station's drop folder, as a factory configuration, e.g. {@code config/org.vigie.connector.csv-K435001010.config}.
 * The single source of the defaults: {@link ConnectorSettings} only carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie CSV drop-folder connector",
        description = "Reads observation CSV files of one station dropped in a folder; one configuration per station")
@interface CsvConnectorConfig {

    @AttributeDefinition(
            name = "Station code",
            description = "Code of the station the files hold observations of, e.g. K435001010")
    String stationCode() default "";

    @AttributeDefinition(
            name = "Folder",
            description = "Folder polled for files; a relative path is resolved against the framework property"
                    + " vigie.home, or the working directory when it is not set",
            required = false)
    String folder() default "data/inbox";

    @AttributeDefinition(
            name = "File pattern",
            description = "Glob selecting this station's files in the folder; empty means <stationCode>*.csv",
            required = false)
    String filePattern() default "";

    @AttributeDefinition(
            name = "Poll interval (ms)",
            description = "Delay between the end of one look at the folder and the next",
            required = false,
            min = "1")
    long pollIntervalMillis() default 1000L;

    @AttributeDefinition(
            name = "Source",
            description = "Provenance source recorded with each observation; part of an observation's identity",
            required = false)
    String source() default "csv";

    @AttributeDefinition(
            name = "Time zone",
            description = "Zone of date-times written without an offset, e.g. Europe/Paris",
            required = false)
    String timeZone() default "UTC";

    @AttributeDefinition(
            name = "Columns",
            description = "This station's own layout: '<header>=time' and '<header>=<quantity>[:<unit>]' entries,"
                    + " e.g. [\"Date (TU)=time\", \"Valeur (en m³/s)=Q\", \"Hauteur (mm)=H:mm\"]; units converted to"
                    + " Vigie's (H: m, cm, mm; Q: m3/s, l/s); other columns are ignored. Empty: the default layout"
                    + " (time, then columns named H, Q, P, E, T)",
            required = false)
    String[] columns() default {};

    @AttributeDefinition(
            name = "Time format",
            description = "Pattern of the times (java.time DateTimeFormatter syntax, e.g. dd/MM/yyyy HH:mm), tried"
                    + " before the built-in formats; times without an offset are in the configured time zone",
            required = false)
    String timeFormat() default "";
}
