package org.vigie.alert.sms.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration values of one SMS channel, as plain data so that tests need no OSGi. {@link #toString()} never
 * shows the API key.
 */
record SmsSettings(String channelId, List<String> recipients, String method, String urlTemplate, String bodyTemplate,
                   String contentType, List<String> headers, String apiKey, String sender, int maxLength,
                   int maxLengthUnicode, boolean transliterate, Duration connectTimeout, Duration requestTimeout) {

    /** ITU-T E.164: +, a country code not starting with 0, at most 15 digits in all. */
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** One extra header. */
    record Header(String name, Template value) {
    }

    /** The checked configuration, ready to render requests. */
    record Resolved(List<String> recipients, String method, Template url, Template body, String contentType,
                    List<Header> headers) {
    }

    SmsSettings {
        channelId = channelId == null ? "" : channelId.trim();
        recipients = recipients == null ? List.of() : recipients.stream().map(SmsSettings::normalize).toList();
        method = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
        urlTemplate = urlTemplate == null ? "" : urlTemplate.trim();
        bodyTemplate = bodyTemplate == null ? "" : bodyTemplate;
        contentType = contentType == null ? "" : contentType.trim();
        headers = headers == null ? List.of() : List.copyOf(headers);
        apiKey = apiKey == null ? "" : apiKey;
        sender = sender == null ? "" : sender.trim();
    }

    static SmsSettings of(SmsChannelConfig config) {
        return new SmsSettings(config.channelId(), list(config.recipients()), config.method(), config.urlTemplate(),
                config.bodyTemplate(), config.contentType(), list(config.headers()), config._apiKey(),
                config.sender(), config.maxLength(), config.maxLengthUnicode(), config.transliterate(),
                Duration.ofSeconds(config.connectTimeoutSeconds()), Duration.ofSeconds(config.requestTimeoutSeconds()));
    }

    /** @return {@code number} without spaces (as an operator may write it: {@code +33 6 12 34 56 78}) */
    static String normalize(String number) {
        return number == null ? "" : number.replaceAll("[\\s\\u00A0]", "");
    }

    static boolean isE164(String number) {
        return E164.matcher(number).matches();
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException listing every problem, worded for an operator
     */
    Resolved resolve() {
        List<String> problems = new ArrayList<>();
        if (channelId.isEmpty()) {
            problems.add("channelId is empty");
        }
        if (recipients.isEmpty()) {
            problems.add("no recipients: give at least one E.164 number, e.g. recipients=[\"+33612345678\"]");
        }
        for (String recipient : recipients) {
            if (!isE164(recipient)) {
                problems.add("recipient '" + recipient + "' is not an E.164 number (+, country code and number, up"
                        + " to 15 digits, e.g. +33612345678 for 06 12 34 56 78)");
            }
        }
        if (!METHODS.contains(method)) {
            problems.add("method '" + method + "' is not one of GET, POST, PUT, PATCH");
        }
        Template url = new Template(urlTemplate, Template.Encoding.URL);
        Template body = new Template(bodyTemplate, Template.Encoding.forContentType(contentType));
        if (method.equals("GET") && !body.isEmpty()) {
            problems.add("method GET sends no body: set bodyTemplate=\"\" or use POST");
        }
        if (!body.isEmpty() && contentType.isEmpty()) {
            problems.add("contentType is empty but there is a body");
        }
        List<Header> parsedHeaders = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon).trim();
            if (!HEADER_NAME.matcher(name).matches()) {
                problems.add("headers[" + i + "] is not 'Name: value'");
                continue;
            }
            parsedHeaders.add(new Header(name, new Template(header.substring(colon + 1).trim(),
                    Template.Encoding.HEADER)));
        }
        List<Template> templates = new ArrayList<>(List.of(url, body));
        parsedHeaders.forEach(h -> templates.add(h.value()));
        boolean usesApiKey = false;
        for (Template template : templates) {
            List<String> unknown = template.unknown(Placeholders.ALL);
            if (!unknown.isEmpty()) {
                problems.add("unknown placeholder(s) " + String.join(", ", unknown) + " in '" + template
                        + "'; known: {" + String.join("}, {", Placeholders.ALL) + "}");
            }
            usesApiKey |= template.names().contains(Placeholders.API_KEY);
        }
        if (usesApiKey && apiKey.isBlank()) {
            problems.add("a template uses {apiKey} but .apiKey is not set");
        }
        if (urlTemplate.isEmpty()) {
            problems.add("urlTemplate is empty");
        } else {
            try {
                URI sample = new URI(url.render(sampleValues()));
                String scheme = sample.getScheme() == null ? "" : sample.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || sample.getHost() == null) {
                    problems.add("urlTemplate '" + urlTemplate + "' is not an absolute http(s) URL");
                }
            } catch (URISyntaxException e) {
                problems.add("urlTemplate '" + urlTemplate + "' does not make a URL: " + e.getReason());
            }
        }
        if (maxLength < 10) {
            problems.add("maxLength must be at least 10");
        }
        if (maxLengthUnicode < 10) {
            problems.add("maxLengthUnicode must be at least 10");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            problems.add("connectTimeoutSeconds must be at least 1");
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            problems.add("requestTimeoutSeconds must be at least 1");
        }
        for (Header header : parsedHeaders) {
            try {
                // the JDK refuses some headers it sets itself (Host, Content-Length, Connection…)
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(header.name(), "x");
            } catch (IllegalArgumentException e) {
                problems.add("header '" + header.name() + "' cannot be set: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Resolved(recipients, method, url, body, contentType, List.copyOf(parsedHeaders));
    }

    private static Map<String, String> sampleValues() {
        Map<String, String> values = new HashMap<>();
        Placeholders.ALL.forEach(name -> values.put(name, "x"));
        return values;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    public String toString() {
        return "SmsSettings[channelId=" + channelId + ", recipients=" + recipients + ", method=" + method
                + ", urlTemplate=" + urlTemplate + ", apiKey=***]";
    }
}
