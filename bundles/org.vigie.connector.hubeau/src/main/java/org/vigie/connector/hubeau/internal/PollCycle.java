package org.vigie.connector.hubeau.internal;

import java.time.Instant;
import java.util.Optional;

import org.vigie.api.Health;

/**
 * One poll of a station, run every {@code pollIntervalSeconds} on the connector's thread: the real-time feed, then
 * the elaborated back-fill when it is due. Both spend one {@link RetryBudget} of {@code maxRetries}, so that a
 * Hub'Eau outage costs at most {@code maxRetries} back-offs per poll, whichever feeds run.
 *
 * <p>The health is that of both feeds: UP when the last run of each brought it up to date, otherwise DEGRADED with
 * each feed's problems (e.g. {@code real-time H: …; elaborated QmnJ: …}). The elaborated feed's health is the one of
 * its last run, kept between runs. {@code lastActivity} is the later of the two.
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
final class PollCycle {

    private final HubEauPoller realTime;
    private final Optional<ElaboratedPoller> elaborated;
    private final int maxRetries;
    private Health elaboratedHealth = new Health(Health.Status.UP, "", null);

    /** @param elaborated empty when no elaborated series is configured */
    PollCycle(HubEauPoller realTime, Optional<ElaboratedPoller> elaborated, int maxRetries) {
        this.realTime = realTime;
        this.elaborated = elaborated;
        this.maxRetries = maxRetries;
    }

    /** @throws InterruptedException when the connector is stopping */
    Health runOnce() throws InterruptedException {
        RetryBudget budget = new RetryBudget(maxRetries);
        Health realTimeHealth = realTime.pollOnce(budget);
        if (elaborated.isPresent() && elaborated.get().due()) {
            elaboratedHealth = elaborated.get().pollOnce(budget);
        }
        return combine(realTimeHealth, elaboratedHealth);
    }

    static Health combine(Health first, Health second) {
        Health.Status status = first.status().compareTo(second.status()) >= 0 ? first.status() : second.status();
        String message = first.message().isEmpty() ? second.message()
                : second.message().isEmpty() ? first.message()
                : first.message() + "; " + second.message();
        return new Health(status, message, later(first.lastActivity(), second.lastActivity()));
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
