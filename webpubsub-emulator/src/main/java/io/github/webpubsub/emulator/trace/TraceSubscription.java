package io.github.webpubsub.emulator.trace;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One reader of the live trace: a bounded queue between the publishers and the reader. When the reader is slower than
 * the traffic, the oldest entries are dropped and counted; the next {@link #poll()} then returns an
 * {@link TraceKind#OVERFLOW} entry saying how many were lost, before the entries that were kept.
 */
public final class TraceSubscription implements AutoCloseable {

    private final TraceFeed feed;
    private final TraceFilter filter;
    private final int capacity;
    private final Executor drainer;
    private final Consumer<TraceSubscription> drain;
    /** Guarded by {@code this}, as are the counters. */
    private final ArrayDeque<TraceEvent> queue = new ArrayDeque<>();
    private long droppedSinceReported;
    private long droppedTotal;
    /** A drain is scheduled and has not started yet: later entries need no other. */
    private final AtomicBoolean scheduled = new AtomicBoolean();

    TraceSubscription(TraceFeed feed, TraceFilter filter, int capacity, Executor drainer, Consumer<TraceSubscription> drain) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.feed = feed;
        this.filter = filter;
        this.capacity = capacity;
        this.drainer = drainer;
        this.drain = drain;
    }

    /** What this reader sees. */
    public TraceFilter filter() {
        return filter;
    }

    /** How many entries this reader has lost so far. */
    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    void offer(TraceEvent entry) {
        if (!filter.test(entry)) {
            return;
        }
        synchronized (this) {
            if (queue.size() >= capacity) {
                queue.pollFirst();
                droppedSinceReported++;
                droppedTotal++;
            }
            queue.addLast(entry);
        }
        if (scheduled.compareAndSet(false, true)) {
            drainer.execute(() -> {
                scheduled.set(false);
                drain.accept(this);
            });
        }
    }

    /**
     * The next entry for this reader, or {@code null} when it has read everything. After a loss, first an
     * {@code overflow} entry with {@code dropped} (since the last such entry) and {@code droppedTotal}.
     */
    public synchronized TraceEvent poll() {
        if (droppedSinceReported > 0) {
            TraceEvent overflow = new TraceEvent(0, Instant.now(), TraceKind.OVERFLOW, null, null, null,
                    Map.of("dropped", droppedSinceReported, "droppedTotal", droppedTotal), null, false);
            droppedSinceReported = 0;
            return overflow;
        }
        return queue.pollFirst();
    }

    /** Detaches the reader; entries still queued are discarded. */
    @Override
    public void close() {
        feed.unsubscribe(this);
        synchronized (this) {
            queue.clear();
        }
    }
}
