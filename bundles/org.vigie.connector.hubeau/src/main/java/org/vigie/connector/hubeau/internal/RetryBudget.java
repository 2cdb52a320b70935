package org.vigie.connector.hubeau.internal;

/**
 * How many more failed requests one poll may retry. Shared by every request of a poll so that a long outage
 * costs at most {@code maxRetries} back-offs per poll, however many pages and quantities there are.
 *
 * <p>Not thread-safe: one poll uses it.
 */
final class RetryBudget {

    private final int total;
    private int used;

    RetryBudget(int total) {
        this.total = total;
    }

    /** @return true, counting one retry, when the budget allows another attempt */
    boolean tryUse() {
        if (used >= total) {
            return false;
        }
        used++;
        return true;
    }

    /** @return the retries this poll has used so far */
    int used() {
        return used;
    }
}
