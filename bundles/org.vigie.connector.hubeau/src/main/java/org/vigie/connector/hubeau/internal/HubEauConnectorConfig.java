package org.vigie.connector.hubeau.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Hub'Eau station, as a factory configuration, e.g. {@code config/org.vigie.connector.hubeau-K447001001.config}.
 * The single source of the defaults: {@link ConnectorSettings} only carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie Hub'Eau hydrometry connector",
        description = "Polls Hub'Eau hydrometrie v2 real-time observations of one station and, optionally, back-fills"
                + " its elaborated daily means; one configuration per station")
@interface HubEauConnectorConfig {

    @AttributeDefinition(
            name = "Station code",
            description = "Hub'Eau code_station (10 characters), e.g. K447001001")
    String stationCode() default "";

    @AttributeDefinition(
            name = "Base URL",
            description = "Root of the Hub'Eau hydrometrie API; observations_tr and obs_elab are requested below it",
            required = false)
    String baseUrl() default "https://hubeau.eaufrance.fr/api/v2/hydrometrie";

    @AttributeDefinition(
            name = "Quantities",
            description = "grandeur_hydro values polled: H (stage) and/or Q (discharge)",
            required = false)
    String[] quantities() default {"H", "Q"};

    @AttributeDefinition(
            name = "Poll interval (s)",
            description = "Delay between the end of one poll and the start of the next",
            required = false,
            min = "1")
    long pollIntervalSeconds() default 600L;

    @AttributeDefinition(
            name = "Page size",
            description = "Hub'Eau size parameter: observations per page (at most 20000)",
            required = false,
            min = "1",
            max = "20000")
    int pageSize() default 1000;

    @AttributeDefinition(
            name = "Look-back on first poll (h)",
            description = "How far back the first poll reads when nothing has been delivered yet",
            required = false,
            min = "1")
    int lookbackHours() default 48;

    @AttributeDefinition(
            name = "Request timeout (s)",
            description = "Connection and response timeout of each HTTP request",
            required = false,
            min = "1")
    int requestTimeoutSeconds() default 30;

    @AttributeDefinition(
            name = "Maximum retries per poll",
            description = "Failed requests (5xx, timeouts, unreadable bodies) retried with exponential back-off"
                    + " within one poll, real-time and elaborated requests together; the next poll starts again"
                    + " from the last delivered observation",
            required = false,
            min = "0")
    int maxRetries() default 5;

    @AttributeDefinition(
            name = "Source",
            description = "Provenance source recorded with each observation; part of an observation's identity",
            required = false)
    String source() default "hubeau";

    @AttributeDefinition(
            name = "Elaborated quantities",
            description = "grandeur_hydro_elab series back-filled from Hub'Eau obs_elab (which keeps the whole"
                    + " history, where observations_tr keeps about a month): QmnJ = daily mean discharge, stored as Q"
                    + " in m3/s at the start of its UTC day with source <source>:QmnJ. QmnJ by default; empty turns the"
                    + " elaborated back-fill off",
            required = false)
    String[] elaboratedQuantities() default {"QmnJ"};

    @AttributeDefinition(
            name = "Elaborated look-back (days)",
            description = "Each elaborated run reads this many days back from today (UTC), or from the last day"
                    + " delivered when that is older (after an outage)",
            required = false,
            min = "1")
    int elaboratedLookbackDays() default 60;

    @AttributeDefinition(
            name = "Elaborated interval (h)",
            description = "Time between the starts of two complete elaborated runs; the first runs with the first"
                    + " poll, and a failed run is tried again at the next poll",
            required = false,
            min = "1")
    int elaboratedIntervalHours() default 24;
}
