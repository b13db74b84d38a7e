package io.github.webpubsub.emulator.trace;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The live trace: takes the entries the emulator's parts publish and hands each to the readers whose filter it
 * matches. Each reader has its own bounded queue; a reader that falls behind loses its oldest entries and is told how
 * many (see {@link TraceSubscription}), so that no reader can block the event loop or fill the memory. With no reader
 * attached, {@link #active()} is false and publishers build nothing.
 */
public final class TraceFeed implements TraceSink {

    /** How many entries a reader may be behind before it loses the oldest. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final List<TraceSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean active;
    /** Whether any reader asked for payloads: only then are previews of message data made and kept. */
    private volatile boolean payloadsWanted;
    /** Guarded by {@code this}: entries are numbered and queued under one lock, so every reader sees them in order. */
    private long seq;

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public void publish(TraceEvent.Builder entry) {
        if (!active) {
            return;
        }
        synchronized (this) {
            TraceEvent event = entry.build(++seq, Instant.now(), payloadsWanted);
            for (TraceSubscription s : subscriptions) {
                s.offer(event);
            }
        }
    }

    /**
     * Attaches a reader.
     *
     * @param filter   what it wants to see
     * @param capacity how many entries it may be behind before it loses the oldest
     * @param drainer  where {@code drain} runs (the reader's event loop, a printer thread); never the publisher's thread
     * @param drain    reads the subscription with {@link TraceSubscription#poll()} until it returns {@code null} or
     *                 the reader is full; it is called again when more entries come
     * @return the subscription; close it to detach the reader
     */
    public TraceSubscription subscribe(TraceFilter filter, int capacity, Executor drainer, Consumer<TraceSubscription> drain) {
        TraceSubscription subscription = new TraceSubscription(this, filter, capacity, drainer, drain);
        subscriptions.add(subscription);
        readersChanged();
        return subscription;
    }

    /** How many readers are attached. */
    public int readers() {
        return subscriptions.size();
    }

    void unsubscribe(TraceSubscription subscription) {
        subscriptions.remove(subscription);
        readersChanged();
    }

    private synchronized void readersChanged() {
        payloadsWanted = subscriptions.stream().anyMatch(s -> s.filter().payloads());
        active = !subscriptions.isEmpty();
    }
}
