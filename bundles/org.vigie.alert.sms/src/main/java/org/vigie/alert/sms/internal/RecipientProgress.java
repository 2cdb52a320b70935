package org.vigie.alert.sms.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which recipients of which deliveries are done (accepted or refused for good), so that a retry of a delivery
 * sends only to the others. Kept in memory for the most recent deliveries only: after a restart (or for a delivery
 * forgotten here) every recipient is sent to again, with the same per-recipient idempotency key, and the gateway's
 * own idempotency must prevent a second SMS.
 */
final class RecipientProgress {

    /** What became of one recipient. */
    record Done(boolean accepted, String detail) {
    }

    private final int capacity;
    private final Map<String, Map<String, Done>> byKey;

    RecipientProgress(int capacity) {
        this.capacity = capacity;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Done>> eldest) {
                return size() > RecipientProgress.this.capacity;
            }
        };
    }

    /** @return what is known of delivery {@code key}'s recipients, a copy */
    synchronized Map<String, Done> of(String key) {
        Map<String, Done> done = byKey.get(key);
        return done == null ? Map.of() : Map.copyOf(done);
    }

    synchronized void record(String key, String recipient, Done done) {
        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(recipient, done);
    }

    synchronized int size() {
        return byKey.size();
    }
}
