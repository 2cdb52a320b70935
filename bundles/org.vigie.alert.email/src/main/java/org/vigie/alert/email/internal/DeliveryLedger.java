package org.vigie.alert.email.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What this channel instance knows it has already handed to the server, per idempotency key: the recipients the
 * server accepted the message for, and whether the delivery is complete. A retry then sends only to the
 * recipients still missing, and a delivery already complete is confirmed without sending again (e.g. when the
 * outbox could not record the first confirmation). Kept in memory, bounded; the outbox is the persistent record.
 */
final class DeliveryLedger {

    private static final int CAPACITY = 10_000;

    private record Progress(Set<String> accepted, boolean complete) {
    }

    private final Map<String, Progress> byKey = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized boolean isComplete(String key) {
        Progress p = byKey.get(key);
        return p != null && p.complete();
    }

    synchronized boolean wasAccepted(String key, String address) {
        Progress p = byKey.get(key);
        return p != null && p.accepted().contains(normal(address));
    }

    synchronized int acceptedCount(String key) {
        Progress p = byKey.get(key);
        return p == null ? 0 : p.accepted().size();
    }

    synchronized void accepted(String key, Iterable<String> addresses, boolean complete) {
        Progress p = byKey.get(key);
        Set<String> all = p == null ? new LinkedHashSet<>() : new LinkedHashSet<>(p.accepted());
        for (String a : addresses) {
            all.add(normal(a));
        }
        byKey.put(key, new Progress(Set.copyOf(all), complete || p != null && p.complete()));
    }

    private static String normal(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
