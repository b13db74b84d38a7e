package io.github.webpubsub.client.internal.util;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits about {@code initial * 2^(n-1)}, capped, then spread by up to 20 %
 * either way so that many clients dropped at once do not come back in step.
 */
public final class Backoff {

    private static final double JITTER = 0.2;

    private final long initialMillis;
    private final long maxMillis;

    /** Delays from {@code initial}, doubling, never above {@code max}. */
    public Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    /** The delay before attempt {@code attempt} (1 for the first retry), in milliseconds; at least 1. */
    public long delayMillis(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long base = Math.min(maxMillis, initialMillis << doublings);
        if (base <= 0) {
            base = maxMillis;
        }
        double spread = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(1, Math.min(maxMillis, Math.round(base * spread)));
    }
}
