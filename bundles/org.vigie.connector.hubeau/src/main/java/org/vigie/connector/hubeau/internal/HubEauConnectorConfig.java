package org.vigie.connector.hubeau.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Hub'Eau station, as a factory configuration, e.g. {@code config/org.vigie.connector.hubeau-K447001001.config}.
 * The single source of the defaults: {@link ConnectorSettings} only carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie Hub'Eau hydrometry connector",
        description = "Polls Hub'Eau hydrometrie v2 real-time observations of one station; one configuration per station")
@interface HubEauConnectorConfig {

    @AttributeDefinition(
            name = "Station code",
            description = "Hub'Eau code_station (10 characters), e.g. K447001001")
    String stationCode() default "";

    @AttributeDefinition(
            name = "Base URL",
            description = "Root of the Hub'Eau hydrometrie API; observations_tr is requested below it",
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
                    + " within one poll; the next poll starts again from the last delivered observation",
            required = false,
            min = "0")
    int maxRetries() default 5;

    @AttributeDefinition(
            name = "Source",
            description = "Provenance source recorded with each observation; part of an observation's identity",
            required = false)
    String source() default "hubeau";
}
