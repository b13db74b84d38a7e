package io.github.webpubsub.client.internal.state;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ConnectionState;
import io.github.webpubsub.client.ConnectionStateStore;
import io.github.webpubsub.client.internal.delivery.SerialExecutor;
import io.github.webpubsub.client.internal.util.Failures;

/**
 * Runs a {@link ConnectionStateStore} off the event loop: every call goes, in order, to one task at a time on the
 * worker pool, and saves coalesce, so that a slow store costs a write per burst, never a stalled loop. A store that
 * fails is logged and the client carries on: losing the state costs a new connection after a restart, nothing now.
 */
public final class StatePersistence {

    private static final Logger LOG = LoggerFactory.getLogger(StatePersistence.class);
    private static final ConnectionState CLEARED = new ConnectionState("-", null, "-", 0, Instant.EPOCH);

    private final ConnectionStateStore store;
    private final Executor serial;
    private final AtomicReference<ConnectionState> pending = new AtomicReference<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private volatile boolean enabled = true;

    /** Persistence to {@code store}, on {@code workers}. */
    public StatePersistence(ConnectionStateStore store, Executor workers) {
        this.store = store;
        this.serial = new SerialExecutor(workers);
    }

    /** What the store is, for logs. */
    public String describe() {
        return store.toString();
    }

    /** Whether states are written; false once the client chose to run without the stored state. */
    public boolean enabled() {
        return enabled;
    }

    /** Writes nothing more, for a client that opened a connection of its own. */
    public void disable() {
        enabled = false;
    }

    /** Tries the store's lock. */
    public CompletableFuture<Boolean> tryLock() {
        return call(store::tryLock, false);
    }

    /** The stored state, or empty (also when the store cannot be read, which is logged). */
    public CompletableFuture<Optional<ConnectionState>> load() {
        return call(store::load, Optional.empty());
    }

    /** Writes this state soon; a later save before the write replaces it. */
    public void save(String connectionId, String userId, String reconnectionToken, long ackedSequenceId) {
        if (enabled) {
            schedule(new ConnectionState(connectionId, userId, reconnectionToken, ackedSequenceId, Instant.now()));
        }
    }

    /** Forgets the stored state soon. */
    public void clear() {
        if (enabled) {
            schedule(CLEARED);
        }
    }

    /** Completes once everything saved or cleared before it is written. */
    public CompletableFuture<Void> flush() {
        return call(() -> null, null);
    }

    /** Gives the lock back, after what is pending is written. */
    public CompletableFuture<Void> unlock() {
        return call(() -> {
            store.unlock();
            return null;
        }, null);
    }

    private void schedule(ConnectionState state) {
        pending.set(state);
        if (writeScheduled.compareAndSet(false, true)) {
            serial.execute(this::writePending);
        }
    }

    private void writePending() {
        writeScheduled.set(false);
        ConnectionState state = pending.getAndSet(null);
        if (state == null) {
            return;
        }
        try {
            if (state == CLEARED) {
                store.clear();
            } else {
                store.save(state);
            }
        } catch (Exception e) {
            LOG.warn("Could not write the connection state to {}: {}", store, Failures.describe(e));
        }
    }

    private interface StoreCall<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> call(StoreCall<T> call, T onFailure) {
        CompletableFuture<T> result = new CompletableFuture<>();
        serial.execute(() -> {
            writePending();
            try {
                result.complete(call.run());
            } catch (Exception e) {
                LOG.warn("The connection state store {} failed: {}", store, Failures.describe(e));
                result.complete(onFailure);
            }
        });
        return result;
    }
}
