package org.vigie.alert.sms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One SMS gateway and its recipients, e.g. {@code config/org.vigie.alert.sms-astreinte.config}. The placeholders of
 * the templates are those of {@link Placeholders}. The single source of the defaults: {@link SmsSettings} only
 * carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie SMS alert channel",
        description = "Sends each alert as an SMS to every recipient through a generic HTTP gateway, one templated"
                + " request per recipient (docs/channels/sms.md)")
@interface SmsChannelConfig {

    @AttributeDefinition(
            name = "Channel id",
            description = "Id of this channel in the outbox and in org.vigie.core.alerts channels, e.g. sms or"
                    + " sms:astreinte",
            required = false)
    String channelId() default "sms";

    @AttributeDefinition(
            name = "Recipients",
            description = "E.164 numbers (+, country code and number, up to 15 digits, e.g. +33612345678; spaces"
                    + " are ignored); used when an alert names no recipients of its own")
    String[] recipients() default {};

    @AttributeDefinition(
            name = "HTTP method",
            description = "GET, POST, PUT or PATCH; GET sends no body",
            required = false,
            options = {@Option(value = "POST"), @Option(value = "GET"), @Option(value = "PUT"),
                    @Option(value = "PATCH")})
    String method() default "POST";

    @AttributeDefinition(
            name = "URL template",
            description = "Absolute http(s) URL of the gateway; placeholders are percent-encoded (UTF-8), e.g."
                    + " https://sms.example.org/send?to={to}&text={text}")
    String urlTemplate() default "";

    @AttributeDefinition(
            name = "Body template",
            description = "Request body; placeholders are escaped as the content type requires (JSON string content,"
                    + " form-urlencoded value, XML text, or as they are); empty for no body",
            required = false)
    String bodyTemplate() default "{\"to\":\"{to}\",\"from\":\"{from}\",\"text\":\"{text}\",\"reference\":\"{key}\"}";

    @AttributeDefinition(
            name = "Content type",
            description = "Content-Type of the body; decides how placeholders in the body are escaped",
            required = false)
    String contentType() default "application/json; charset=utf-8";

    @AttributeDefinition(
            name = "Headers",
            description = "Extra request headers, each 'Name: value'; placeholders are inserted as they are, e.g."
                    + " 'Authorization: Bearer {apiKey}'. Idempotency-Key is always sent",
            required = false)
    String[] headers() default {};

    /** {@code .apiKey}: the leading dot keeps DS from publishing it as a service property. */
    @AttributeDefinition(
            name = "API key",
            description = "The gateway's secret, available to the templates as {apiKey}; never logged",
            type = AttributeType.PASSWORD,
            required = false)
    String _apiKey() default "";

    @AttributeDefinition(
            name = "Sender",
            description = "Sender id or number, available to the templates as {from}",
            required = false)
    String sender() default "Vigie";

    @AttributeDefinition(
            name = "Maximum length (GSM-7)",
            description = "Longest text, in GSM-7 septets (extension characters such as € count twice), when the"
                    + " text is GSM-7: 160 = one SMS; 306, 459… = 2, 3… concatenated parts",
            required = false,
            min = "10")
    int maxLength() default 160;

    @AttributeDefinition(
            name = "Maximum length (UCS-2)",
            description = "Longest text, in UTF-16 units, when it keeps a character outside GSM-7: 70 = one SMS;"
                    + " 134, 201… = 2, 3… concatenated parts",
            required = false,
            min = "10")
    int maxLengthUnicode() default 70;

    @AttributeDefinition(
            name = "Transliterate to GSM-7",
            description = "Replace letters outside GSM-7 by their closest GSM-7 form (ê → e, ç → c, œ → oe) so that a"
                    + " French text keeps the GSM-7 length; typographic punctuation (— ’ « » …) is always folded",
            required = false)
    boolean transliterate() default true;

    @AttributeDefinition(
            name = "Connect timeout (s)",
            description = "Longest wait for the TCP/TLS connection to the gateway",
            required = false,
            min = "1")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(
            name = "Request timeout (s)",
            description = "Longest wait for the gateway's answer to one request (one recipient)",
            required = false,
            min = "1")
    int requestTimeoutSeconds() default 10;
}
