package org.vigie.alert.webhook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configuration values of one webhook channel, as plain data so that tests need no OSGi. {@link #toString()}
 * never shows the secret.
 */
record WebhookSettings(String channelId, String url, String secret, Duration connectTimeout,
                       Duration requestTimeout) {

    /** Shorter secrets are easy to guess offline from one signed body. */
    static final int MIN_SECRET_LENGTH = 16;

    WebhookSettings {
        channelId = channelId == null ? "" : channelId.trim();
        url = url == null ? "" : url.trim();
        secret = secret == null ? "" : secret;
    }

    static WebhookSettings of(WebhookChannelConfig config) {
        return new WebhookSettings(config.channelId(), config.url(), config._secret(),
                Duration.ofSeconds(config.connectTimeoutSeconds()), Duration.ofSeconds(config.requestTimeoutSeconds()));
    }

    /**
     * @return the receiver's URI
     * @throws IllegalArgumentException listing every problem, worded for an operator
     */
    URI check() {
        List<String> problems = new ArrayList<>();
        if (channelId.isEmpty()) {
            problems.add("channelId is empty");
        }
        URI uri = null;
        try {
            uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("url '" + url + "' is not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            problems.add("url '" + url + "' is not a URL: " + e.getMessage());
        }
        if (secret.isBlank()) {
            problems.add(".secret is missing (the HMAC-SHA256 signing secret)");
        } else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_LENGTH) {
            problems.add(".secret is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            problems.add("connectTimeoutSeconds must be at least 1");
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            problems.add("requestTimeoutSeconds must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return uri;
    }

    @Override
    public String toString() {
        return "WebhookSettings[channelId=" + channelId + ", url=" + url + ", secret=***, connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
