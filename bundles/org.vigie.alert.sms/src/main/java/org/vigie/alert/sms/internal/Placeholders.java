package org.vigie.alert.sms.internal;

import java.util.List;

/**
 * The names a template may use, each written {@code {name}}. Anything else between braces that looks like a name
 * is a configuration error (a typo would otherwise be sent as is); other braces (JSON objects) are left alone.
 */
final class Placeholders {

    /** The recipient, E.164, e.g. {@code +33612345678}. */
    static final String TO = "to";
    /** The recipient without the {@code +}, e.g. {@code 33612345678} (MSISDN form some gateways want). */
    static final String MSISDN = "msisdn";
    /** The configured sender. */
    static final String FROM = "from";
    /** The SMS text, folded and shortened. */
    static final String TEXT = "text";
    /** The alert's subject, as is (not shortened). */
    static final String SUBJECT = "subject";
    /** The level's French name, e.g. {@code orange}. */
    static final String LEVEL = "level";
    /** The level's code, e.g. {@code ORANGE}. */
    static final String LEVEL_CODE = "levelCode";
    /** The station code, e.g. {@code K435001010}. */
    static final String STATION = "station";
    /** The per-recipient idempotency key: the delivery's key, {@code -} and the recipient's digits. */
    static final String KEY = "key";
    /** The delivery's idempotency key (the same for all recipients). */
    static final String ALERT_KEY = "alertKey";
    /** The configured {@code .apiKey}. */
    static final String API_KEY = "apiKey";

    static final List<String> ALL = List.of(TO, MSISDN, FROM, TEXT, SUBJECT, LEVEL, LEVEL_CODE, STATION, KEY,
            ALERT_KEY, API_KEY);

    private Placeholders() {
    }
}
