package io.github.webpubsub.client.internal.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.InvocationFailedException;
import io.github.webpubsub.client.InvokeResult;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.ServerFrame;
import io.github.webpubsub.client.internal.transport.Transport;
import io.vertx.core.Vertx;

/**
 * Invocations awaiting their {@code invokeResponse}, by invocationId. A leaf: it writes only to the transport it is
 * attached to and never calls back into its owner.
 * <p>
 * An invocation made while there is no connection (the client is connecting or recovering) waits for one, and one
 * made while the socket's write queue is full waits for room, in an {@link Outbox} as the sender's requests do, within
 * its own timeout: nothing was sent, so nothing can happen twice. Once sent it is never sent again, since the event
 * handler may already have acted on it and only the caller can tell whether doing it twice is harmless: a drop fails
 * every sent invocation (the service does not carry answers across a recovery), and a timeout fails it and sends
 * {@code cancelInvocation} (a small frame, written even to a full write queue: it only frees the service's side),
 * after which a late answer is ignored. Everything here runs on the client's event loop; futures are completed on the
 * completion executor.
 */
public final class Invocations {

    private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);

    private final Vertx vertx;
    private final Executor completions;
    private final int max;
    /** Every invocation not yet completed, sent or not, by invocationId. */
    private final Map<String, Pending> pending = new HashMap<>();
    /** Invocations waiting for a connection or for room in its write queue, in the order they were made. */
    private final Outbox<Pending> unsent = new Outbox<>();
    private long nextId = 1;
    private volatile int waiting;

    /** Invocations bounded to {@code max} at once, completed on {@code completions}. */
    public Invocations(Vertx vertx, Executor completions, int max) {
        this.vertx = vertx;
        this.completions = completions;
        this.max = max;
    }

    /** The connection is ready: invocations go out on {@code socket}, those that waited for it first. */
    public void attach(Transport socket) {
        unsent.attach(socket);
        unsent.flush(() -> true, this::write);
    }

    /** The socket's write queue has room again: what waited for it goes out, oldest first. */
    public void onWritable() {
        unsent.flush(() -> true, this::write);
    }

    /** The socket is gone: every sent invocation still waiting fails, as its answer can no longer come. */
    public void detach(String why) {
        unsent.detach();
        List<Pending> cut = pending.values().stream().filter(invocation -> invocation.sent).toList();
        for (Pending invocation : cut) {
            pending.remove(invocation.id);
            settle(invocation);
            fail(invocation.result, invocation.id, invocation.event, InvocationFailedException.CONNECTION_LOST,
                    "The connection dropped before the answer came (" + why + "); the event handler may or may not"
                            + " have run");
        }
    }

    /**
     * Sends an invocation.
     *
     * @param timeoutMillis how long to wait for the answer before failing and sending {@code cancelInvocation}
     * @param result        completed with the answer, or failed with an {@link InvocationFailedException}
     */
    public void invoke(String event, MessageData data, long timeoutMillis, CompletableFuture<InvokeResult> result) {
        if (pending.size() >= max) {
            fail(result, null, event, InvocationFailedException.TOO_MANY_INVOCATIONS,
                    max + " invocations are already waiting for their answers");
            return;
        }
        String id = Long.toString(nextId++);
        Pending invocation = new Pending(id, event, data, result);
        // Registered before the write: a write that fails at once reports it before write() returns.
        pending.put(id, invocation);
        counted();
        invocation.timer = vertx.setTimer(timeoutMillis, t -> timedOut(invocation, timeoutMillis));
        if (unsent.canWriteNow()) {
            write(invocation);
        } else {
            unsent.addLast(invocation);
        }
    }

    private void write(Pending invocation) {
        invocation.sent = true;
        try {
            ClientFrame.Invoke frame = new ClientFrame.Invoke(invocation.id, invocation.event, invocation.data);
            unsent.socket().write(frame).onFailure(e -> {
                if (pending.remove(invocation.id) == invocation) {
                    settle(invocation);
                    fail(invocation.result, invocation.id, invocation.event, InvocationFailedException.CONNECTION_LOST,
                            e.getMessage());
                }
            });
        } catch (IllegalArgumentException e) {
            pending.remove(invocation.id);
            settle(invocation);
            fail(invocation.result, invocation.id, invocation.event, InvocationFailedException.INVALID_REQUEST,
                    e.getMessage());
        }
    }

    private void timedOut(Pending invocation, long timeoutMillis) {
        invocation.timer = -1;
        if (pending.remove(invocation.id) != invocation) {
            return;
        }
        counted();
        Transport socket = unsent.socket();
        if (!invocation.sent) {
            unsent.remove(invocation);
            fail(invocation.result, invocation.id, invocation.event, InvocationFailedException.TIMEOUT,
                    (socket == null ? "No connection within " + timeoutMillis + " ms"
                            : "No room in the connection's write queue within " + timeoutMillis + " ms")
                            + "; nothing was sent");
            return;
        }
        boolean cancelled = false;
        if (socket != null) {
            try {
                socket.write(new ClientFrame.CancelInvocation(invocation.id));
                cancelled = true;
            } catch (RuntimeException e) {
                LOG.debug("Could not send cancelInvocation for {}: {}", invocation.id, e.toString());
            }
        }
        fail(invocation.result, invocation.id, invocation.event, InvocationFailedException.TIMEOUT,
                "No answer within " + timeoutMillis + " ms" + (cancelled ? "; cancelInvocation sent" : ""));
    }

    /** An answer arrived; one for an invocation that timed out or is unknown is ignored. */
    public void onResponse(ServerFrame.InvokeResponse response) {
        Pending invocation = pending.remove(response.invocationId());
        if (invocation == null) {
            LOG.debug("Ignored an invokeResponse for invocation {}, which nothing waits for (timed out or unknown)",
                    response.invocationId());
            return;
        }
        settle(invocation);
        if (response.success()) {
            InvokeResult result = new InvokeResult(invocation.id, response.data());
            completions.execute(() -> invocation.result.complete(result));
        } else {
            fail(invocation.result, invocation.id, invocation.event, response.errorName(), response.errorMessage());
        }
    }

    /** Fails every invocation still waiting. */
    public void failAll(String errorName, String errorMessage) {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        unsent.clear();
        counted();
        for (Pending invocation : all) {
            cancelTimer(invocation);
            fail(invocation.result, invocation.id, invocation.event, errorName, errorMessage);
        }
    }

    /** How many invocations wait for their answers; readable from any thread. */
    public int waiting() {
        return waiting;
    }

    private void settle(Pending invocation) {
        cancelTimer(invocation);
        counted();
    }

    private void cancelTimer(Pending invocation) {
        if (invocation.timer >= 0) {
            vertx.cancelTimer(invocation.timer);
            invocation.timer = -1;
        }
    }

    private void counted() {
        waiting = pending.size();
    }

    private void fail(CompletableFuture<InvokeResult> result, String id, String event, String errorName, String message) {
        InvocationFailedException failure = new InvocationFailedException(id, event, errorName, message);
        completions.execute(() -> result.completeExceptionally(failure));
    }

    /** One invocation awaiting its answer. */
    private static final class Pending {
        final String id;
        final String event;
        final MessageData data;
        final CompletableFuture<InvokeResult> result;
        long timer = -1;
        boolean sent;

        Pending(String id, String event, MessageData data, CompletableFuture<InvokeResult> result) {
            this.id = id;
            this.event = event;
            this.data = data;
            this.result = result;
        }
    }
}
