package org.vigie.alert.sms.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders, replaced in one pass (a value containing braces is never expanded
 * again), each value escaped by the encoding of the template's position.
 */
final class Template {

    /** How values are escaped where they are inserted. */
    enum Encoding {
        /** Percent-encoding of every byte but RFC 3986 unreserved characters (URL path or query). */
        URL(Template::percentEncode),
        /** application/x-www-form-urlencoded (space as +). */
        FORM(value -> URLEncoder.encode(value, StandardCharsets.UTF_8)),
        /** The content of a JSON string: the template puts the quotes. */
        JSON(Template::jsonEscape),
        /** XML character data or attribute value. */
        XML(Template::xmlEscape),
        /** As is (text/plain and other bodies). */
        RAW(value -> value),
        /** As is, minus every control character (header values). */
        HEADER(value -> value.replaceAll("\\p{Cntrl}", " "));

        private final UnaryOperator<String> escape;

        Encoding(UnaryOperator<String> escape) {
            this.escape = escape;
        }

        /** @return the encoding a body of this content type needs */
        static Encoding forContentType(String contentType) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (type.contains("json")) {
                return JSON;
            }
            if (type.contains("x-www-form-urlencoded")) {
                return FORM;
            }
            if (type.contains("xml")) {
                return XML;
            }
            return RAW;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String text;
    private final Encoding encoding;

    Template(String text, Encoding encoding) {
        this.text = text == null ? "" : text;
        this.encoding = encoding;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** @return the placeholder names used, in order of first use */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** @return the names used that are not in {@code known} */
    List<String> unknown(List<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String name : names()) {
            if (!known.contains(name)) {
                unknown.add("{" + name + "}");
            }
        }
        return unknown;
    }

    /** Every placeholder is replaced by its escaped value ("" when {@code values} has none). */
    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(encoding.escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String xmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    @Override
    public String toString() {
        return text;
    }
}
