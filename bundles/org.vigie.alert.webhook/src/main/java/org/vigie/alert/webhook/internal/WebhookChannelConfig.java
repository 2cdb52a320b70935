package org.vigie.alert.webhook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One webhook receiver, e.g. {@code config/org.vigie.alert.webhook.config} or, for several receivers, factory
 * configurations {@code config/org.vigie.alert.webhook-<name>.config} each with its own {@code channelId}. The single
 * source of the defaults: {@link WebhookSettings} only carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie webhook alert channel",
        description = "POSTs each alert as JSON to a URL, signed with HMAC-SHA256 of the body (docs/channels/webhook.md)")
@interface WebhookChannelConfig {

    @AttributeDefinition(
            name = "Channel id",
            description = "Id of this channel in the outbox and in org.vigie.core.alerts channels; unique per receiver,"
                    + " e.g. webhook or webhook:astreinte",
            required = false)
    String channelId() default "webhook";

    @AttributeDefinition(
            name = "URL",
            description = "Absolute http(s) URL the alerts are POSTed to; redirects are not followed")
    String url() default "";

    /** {@code .secret}: the leading dot keeps DS from publishing it as a service property. */
    @AttributeDefinition(
            name = "Signing secret",
            description = "Shared secret of the HMAC-SHA256 signature in X-Vigie-Signature (UTF-8 bytes); never"
                    + " logged, at least 16 characters",
            type = AttributeType.PASSWORD)
    String _secret() default "";

    @AttributeDefinition(
            name = "Connect timeout (s)",
            description = "Longest wait for the TCP/TLS connection",
            required = false,
            min = "1")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(
            name = "Request timeout (s)",
            description = "Longest wait for the receiver's answer once connected; a late answer is retried later",
            required = false,
            min = "1")
    int requestTimeoutSeconds() default 10;
}
