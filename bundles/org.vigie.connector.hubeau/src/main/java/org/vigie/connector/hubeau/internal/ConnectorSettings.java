package org.vigie.connector.hubeau.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.vigie.api.Quantity;
import org.vigie.connector.support.internal.InvalidSettingsException;
import org.vigie.connector.support.internal.SettingsChecks;

/**
 * The configuration values of one connector instance, as plain data so that tests need no OSGi.
 */
record ConnectorSettings(String stationCode, String baseUrl, List<String> quantities, long pollIntervalSeconds,
                         int pageSize, int lookbackHours, int requestTimeoutSeconds, int maxRetries,
                         String source, List<String> elaboratedQuantities, int elaboratedLookbackDays,
                         int elaboratedIntervalHours) {

    /** Hub'Eau refuses larger pages. */
    static final int MAX_PAGE_SIZE = 20_000;

    ConnectorSettings {
        stationCode = stationCode == null ? "" : stationCode.trim();
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
        elaboratedQuantities = elaboratedQuantities == null ? List.of() : List.copyOf(elaboratedQuantities);
        source = source == null ? "" : source.trim();
    }

    static ConnectorSettings of(HubEauConnectorConfig config) {
        String[] quantities = config.quantities() == null ? new String[0] : config.quantities();
        String[] elaborated = config.elaboratedQuantities() == null ? new String[0] : config.elaboratedQuantities();
        return new ConnectorSettings(config.stationCode(), config.baseUrl(), Arrays.asList(quantities),
                config.pollIntervalSeconds(), config.pageSize(), config.lookbackHours(),
                config.requestTimeoutSeconds(), config.maxRetries(), config.source(), Arrays.asList(elaborated),
                config.elaboratedLookbackDays(), config.elaboratedIntervalHours());
    }

    /**
     * Checks every value and resolves them.
     *
     * @throws InvalidSettingsException listing every problem, worded for an operator
     */
    Resolved resolve() throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        SettingsChecks.requireNonBlank("stationCode", stationCode, problems);
        SettingsChecks.requireNonBlank("source", source, problems);
        URI baseUri = null;
        try {
            URI parsed = new URI(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || parsed.getHost() == null) {
                problems.add("baseUrl '" + baseUrl + "' is not an absolute http(s) URL");
            } else {
                baseUri = parsed;
            }
        } catch (URISyntaxException e) {
            problems.add("baseUrl '" + baseUrl + "' is not a URL: " + e.getReason());
        }
        Set<Quantity> resolvedQuantities = EnumSet.noneOf(Quantity.class);
        for (String code : quantities) {
            String trimmed = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (trimmed.equals("H") || trimmed.equals("Q")) {
                resolvedQuantities.add(Quantity.valueOf(trimmed));
            } else {
                problems.add("quantity '" + code + "' is not one Hub'Eau observations_tr serves (H or Q)");
            }
        }
        if (quantities.isEmpty()) {
            problems.add("quantities is empty, expected H and/or Q");
        }
        SettingsChecks.requirePositive("pollIntervalSeconds", pollIntervalSeconds, problems);
        if (pageSize <= 0 || pageSize > MAX_PAGE_SIZE) {
            problems.add("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        SettingsChecks.requirePositive("lookbackHours", lookbackHours, problems);
        SettingsChecks.requirePositive("requestTimeoutSeconds", requestTimeoutSeconds, problems);
        if (maxRetries < 0) {
            problems.add("maxRetries must not be negative, got " + maxRetries);
        }
        Set<ElaboratedQuantity> resolvedElaborated = EnumSet.noneOf(ElaboratedQuantity.class);
        for (String code : elaboratedQuantities) {
            if (code == null || code.isBlank()) {
                continue; // elaboratedQuantities="" in a .config file means none, like an empty list
            }
            Optional<ElaboratedQuantity> elaborated = ElaboratedQuantity.parse(code);
            if (elaborated.isPresent()) {
                resolvedElaborated.add(elaborated.get());
            } else {
                problems.add("elaborated quantity '" + code + "' is not one this connector reads from Hub'Eau"
                        + " obs_elab (" + ElaboratedQuantity.supportedCodes() + ")");
            }
        }
        SettingsChecks.requirePositive("elaboratedLookbackDays", elaboratedLookbackDays, problems);
        SettingsChecks.requirePositive("elaboratedIntervalHours", elaboratedIntervalHours, problems);
        SettingsChecks.throwIfAny(problems);
        return new Resolved(baseUri, List.copyOf(resolvedQuantities), Duration.ofHours(lookbackHours),
                Duration.ofSeconds(requestTimeoutSeconds), List.copyOf(resolvedElaborated),
                Duration.ofHours(elaboratedIntervalHours));
    }

    /**
     * Settings turned into the objects the connector works with.
     *
     * @param elaboratedQuantities empty when the elaborated back-fill is off
     */
    record Resolved(URI baseUri, List<Quantity> quantities, Duration lookback, Duration requestTimeout,
                    List<ElaboratedQuantity> elaboratedQuantities, Duration elaboratedInterval) {
    }
}
