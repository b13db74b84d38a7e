package io.github.webpubsub.client.internal.send;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.webpubsub.client.internal.transport.Transport;
import io.github.webpubsub.client.internal.transport.TransportListener;

/**
 * Requests waiting to be written, in order, and the socket they are written to: the one rule for when a request may
 * go out, kept by {@link RequestSender} and by {@link Invocations} alike.
 * <p>
 * A request waits while no socket is attached, and while the socket's write queue is full (a network or a service
 * slower than the application): here it can still time out or be settled by a late answer, while in the socket's
 * buffer it would only pile up. What waits goes out, oldest first, when a socket is attached and each time its write
 * queue has room again ({@link TransportListener#onWritable()}); the owner may hold back more (the sender's bound on
 * requests in flight). Event loop only.
 *
 * @param <T> the owner's record of one request
 */
final class Outbox<T> {

    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private Transport socket;

    /** Requests go out on {@code socket} from now on. */
    void attach(Transport socket) {
        this.socket = socket;
    }

    /** The socket is gone: everything waits for the next one. */
    void detach() {
        socket = null;
    }

    /** The socket requests go out on, or {@code null} when there is none. */
    Transport socket() {
        return socket;
    }

    /** Whether a socket is attached, writable or not. */
    boolean connected() {
        return socket != null;
    }

    /** Whether a write may go out now: a socket is attached and its write queue has room. */
    boolean writable() {
        return socket != null && !socket.writeQueueFull();
    }

    /** Whether a new request may be written at once: the socket is writable and nothing waits ahead of it. */
    boolean canWriteNow() {
        return waiting.isEmpty() && writable();
    }

    /** Takes what waits to {@code write}, oldest first, for as long as the socket is writable and {@code room} holds. */
    void flush(BooleanSupplier room, Consumer<T> write) {
        while (!waiting.isEmpty() && writable() && room.getAsBoolean()) {
            write.accept(waiting.poll());
        }
    }

    /** Waits behind everything that waits. */
    void addLast(T request) {
        waiting.addLast(request);
    }

    /** Waits ahead of everything that waits. */
    void addFirst(T request) {
        waiting.addFirst(request);
    }

    /** Stops waiting; false when it was not waiting. */
    boolean remove(T request) {
        return waiting.remove(request);
    }

    /** How many requests wait. */
    int size() {
        return waiting.size();
    }

    /** Empties it; returns what waited, oldest first. */
    List<T> clear() {
        List<T> all = List.copyOf(waiting);
        waiting.clear();
        return all;
    }
}
