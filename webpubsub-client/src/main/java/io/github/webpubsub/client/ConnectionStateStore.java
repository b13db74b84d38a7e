package io.github.webpubsub.client;

import java.nio.file.Path;
import java.util.Optional;

import io.github.webpubsub.client.internal.state.FileConnectionStateStore;

/**
 * Where a client keeps its {@link ConnectionState}, so that a process that restarts within the service's recovery
 * window takes its reliable connection back, and with it every message it had not acknowledged
 * ({@link WebPubSubClientOptions#setConnectionStateStore}).
 * <p>
 * Only one live client may use a state: two processes on one connection would each take the other's socket. A
 * store therefore has a lock, held from {@link #tryLock()} until {@link #unlock()}; a process that dies must lose
 * it (a file lock does). A store whose backend cannot lock returns {@code true} and leaves exclusivity to the
 * application, for example a clustered route policy.
 * <p>
 * The client calls these methods on a worker thread, never on its event loop, one at a time.
 */
public interface ConnectionStateStore {

    /** Takes the lock without waiting: {@code false} when another live client holds it. */
    boolean tryLock() throws Exception;

    /** Gives the lock back. */
    void unlock() throws Exception;

    /** The stored state, if any. */
    Optional<ConnectionState> load() throws Exception;

    /** Replaces the stored state. */
    void save(ConnectionState state) throws Exception;

    /** Forgets the stored state: the connection it named is gone. */
    void clear() throws Exception;

    /**
     * A store in a file of its own (written by replacing it whole), locked through {@code <file>.lock} with an
     * operating-system file lock, which a killed process loses.
     */
    static ConnectionStateStore file(Path file) {
        return new FileConnectionStateStore(file);
    }
}
