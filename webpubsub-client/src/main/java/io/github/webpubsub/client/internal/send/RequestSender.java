package io.github.webpubsub.client.internal.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendOptions;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.ServerFrame;
import io.github.webpubsub.client.internal.transport.Transport;
import io.github.webpubsub.client.internal.util.Backoff;
import io.vertx.core.Vertx;

/**
 * Sends requests and sees each through to its ack: one ackId per logical request, kept on every retry, so the
 * service can answer a repeat with {@code Duplicate} instead of acting twice.
 * <p>
 * At most {@code maxInFlightSends} requests await their acks at once, and nothing is written while the socket's
 * write queue is full. Requests that cannot go out now (no connection, no room in flight, a full write queue) wait
 * in one bounded queue, an {@link Outbox}, and go out in order as soon as they can.
 * <p>
 * It writes only downwards, to the transport it is attached to. Everything here runs on the client's event loop;
 * futures are completed on the completion executor, so callers' code never runs on the loop.
 */
public final class RequestSender {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSender.class);

    private final Vertx vertx;
    private final Executor completions;
    private final Backoff backoff;
    private final long ackTimeoutMillis;
    private final long ackTimeoutNanos;
    /** How often the acks awaited are checked against their deadlines: one timer for all, not one per request. */
    private final long sweepPeriodMillis;
    private long sweepTimer = -1;
    private final int maxRetries;
    private final int maxInFlight;
    private final int maxQueued;
    private final long queuedTimeoutMillis;

    private long nextAckId = 1;
    private volatile int inFlightCount;
    private volatile int queuedSize;
    private volatile long retries;
    private volatile long duplicates;
    /** Every acked request not yet completed, by ackId, wherever it is: awaiting its ack, backing off or queued. */
    private final Map<Long, Operation> pending = new HashMap<>();
    /** Requests written on the current connection and awaiting their ack, in the order they were written. */
    private final LinkedHashMap<Long, Operation> awaitingAck = new LinkedHashMap<>();
    /** Requests waiting to be written, in the order they will be written, and the socket they go out on. */
    private final Outbox<Operation> queued = new Outbox<>();

    /** A sender with the retry, flight and queue settings of {@code options}. */
    public RequestSender(Vertx vertx, WebPubSubClientOptions options, Executor completions) {
        this.vertx = vertx;
        this.completions = completions;
        this.backoff = new Backoff(options.getRetryDelay(), options.getMaxRetryDelay());
        this.ackTimeoutMillis = options.getAckTimeout().toMillis();
        this.ackTimeoutNanos = options.getAckTimeout().toNanos();
        // A timeout fires at most a tenth of the timeout late (and at most a second).
        this.sweepPeriodMillis = Math.max(10, Math.min(1000, ackTimeoutMillis / 10));
        this.maxRetries = options.getMaxRetries();
        this.maxInFlight = options.getMaxInFlightSends();
        this.maxQueued = options.getMaxQueuedSends();
        this.queuedTimeoutMillis = options.getQueuedSendTimeout().toMillis();
    }

    /** The connection is ready for requests on this transport: what waited goes out, oldest first. */
    public void attach(Transport socket) {
        queued.attach(socket);
        if (sweepTimer < 0) {
            sweepTimer = vertx.setPeriodic(sweepPeriodMillis, t -> sweepAckTimeouts());
        }
        flush();
    }

    private void stopSweeping() {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
            sweepTimer = -1;
        }
    }

    /**
     * Requests are written with deadlines in the order they are written, and awaitingAck keeps that order: the
     * expired ones are at its head.
     */
    private void sweepAckTimeouts() {
        if (awaitingAck.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<Operation> expired = new ArrayList<>();
        for (Operation operation : awaitingAck.values()) {
            if (operation.deadlineNanos - now > 0) {
                break;
            }
            expired.add(operation);
        }
        for (Operation operation : expired) {
            ackTimedOut(operation);
        }
    }

    /**
     * The socket is gone. Requests that were awaiting an ack are sent again with the same ackId when a connection
     * is back: a recovered connection answers {@code Duplicate} for any the service had already done. This counts
     * as a retry.
     */
    public void detach() {
        queued.detach();
        stopSweeping();
        if (awaitingAck.isEmpty()) {
            return;
        }
        List<Operation> unacked = new ArrayList<>(awaitingAck.values());
        awaitingAck.clear();
        for (int i = unacked.size() - 1; i >= 0; i--) {
            Operation operation = unacked.get(i);
            cancelTimer(operation);
            if (operation.retries >= maxRetries) {
                fail(operation, SendFailedException.CONNECTION_LOST, "Connection lost before the ack");
            } else {
                operation.retries++;
                retries++;
                queued.addFirst(operation);
                operation.inQueue = true;
                startQueueTimer(operation);
            }
        }
        counted();
    }

    /** The socket's write queue has room again. */
    public void onWritable() {
        flush();
    }

    /**
     * Sends a request.
     *
     * @param frameFor builds the frame for an ackId ({@code null} when fire-and-forget)
     * @param result   completed with the outcome
     */
    public void submit(Function<Long, ClientFrame> frameFor, SendOptions options, CompletableFuture<SendResult> result) {
        Long ackId = null;
        if (!options.fireAndForget()) {
            ackId = options.ackId() != null ? options.ackId() : takeAckId();
            if (pending.containsKey(ackId)) {
                completeExceptionally(result, new IllegalArgumentException("ackId " + ackId + " is already in flight"));
                return;
            }
        }
        Operation operation = new Operation(ackId, frameFor.apply(ackId), result);
        if (ackId != null) {
            pending.put(ackId, operation);
        }
        if (queued.canWriteNow() && roomInFlight()) {
            write(operation);
        } else {
            enqueue(operation);
        }
    }

    /**
     * Sends an acked request ahead of everything that waits, before the connection is attached: the joins that
     * restore a new connection's groups go out before the sends queued for those groups.
     */
    public void submitAhead(Function<Long, ClientFrame> frameFor, CompletableFuture<SendResult> result) {
        long ackId = takeAckId();
        Operation operation = new Operation(ackId, frameFor.apply(ackId), result);
        pending.put(ackId, operation);
        queued.addFirst(operation);
        operation.inQueue = true;
        startQueueTimer(operation);
    }

    private boolean roomInFlight() {
        return awaitingAck.size() < maxInFlight;
    }

    private void flush() {
        queued.flush(this::roomInFlight, operation -> {
            operation.inQueue = false;
            cancelTimer(operation);
            write(operation);
        });
        counted();
    }

    private long takeAckId() {
        while (pending.containsKey(nextAckId)) {
            nextAckId++;
        }
        return nextAckId++;
    }

    private void write(Operation operation) {
        try {
            if (operation.ackId == null) {
                queued.socket().write(operation.frame).onComplete(ar -> {
                    if (ar.succeeded()) {
                        succeed(operation, false);
                    } else {
                        fail(operation, SendFailedException.CONNECTION_LOST, ar.cause().getMessage());
                    }
                });
                return;
            }
            awaitingAck.put(operation.ackId, operation);
            counted();
            operation.deadlineNanos = System.nanoTime() + ackTimeoutNanos;
            queued.socket().write(operation.frame);
        } catch (IllegalArgumentException e) {
            if (operation.ackId != null) {
                awaitingAck.remove(operation.ackId);
            }
            fail(operation, SendFailedException.INVALID_REQUEST, e.getMessage());
        }
    }

    /** An ack arrived. A late ack, for an attempt that already timed out, still settles the request. */
    public void onAck(ServerFrame.Ack ack) {
        Operation operation = pending.get(ack.ackId());
        if (operation == null) {
            LOG.info("Ignored an ack for ackId {}, which no request is waiting for", ack.ackId());
            return;
        }
        awaitingAck.remove(ack.ackId());
        if (operation.inQueue) {
            // A late ack for a request waiting to be sent again: it is settled, and must not go out.
            queued.remove(operation);
            operation.inQueue = false;
        }
        if (ack.success()) {
            succeed(operation, false);
        } else if (AckErrors.DUPLICATE.equals(ack.errorName())) {
            duplicates++;
            succeed(operation, true);
        } else if (AckErrors.isTransient(ack.errorName())) {
            retryOrFail(operation, ack.errorName(), ack.errorMessage());
        } else {
            fail(operation, ack.errorName(), ack.errorMessage());
        }
        flush();
        counted();
    }

    private void ackTimedOut(Operation operation) {
        if (awaitingAck.remove(operation.ackId) != null) {
            retryOrFail(operation, SendFailedException.ACK_TIMEOUT, "No ack within " + ackTimeoutMillis + " ms");
            flush();
        }
    }

    private void retryOrFail(Operation operation, String errorName, String errorMessage) {
        cancelTimer(operation);
        if (operation.retries >= maxRetries) {
            fail(operation, errorName, errorMessage);
            return;
        }
        operation.retries++;
        retries++;
        counted();
        long delay = backoff.delayMillis(operation.retries);
        LOG.debug("Retrying ackId {} in {} ms (attempt {} of {}) after {}", operation.ackId, delay, operation.retries,
                maxRetries, errorName);
        operation.timer = vertx.setTimer(delay, t -> {
            operation.timer = -1;
            if (pending.get(operation.ackId) != operation) {
                return;
            }
            if (queued.canWriteNow() && roomInFlight()) {
                write(operation);
            } else {
                enqueue(operation);
            }
        });
    }

    private void enqueue(Operation operation) {
        if (queued.size() >= maxQueued) {
            fail(operation, SendFailedException.QUEUE_FULL, maxQueued + " requests are already waiting to be sent");
            return;
        }
        queued.addLast(operation);
        operation.inQueue = true;
        counted();
        startQueueTimer(operation);
    }

    private void startQueueTimer(Operation operation) {
        operation.timer = vertx.setTimer(queuedTimeoutMillis, t -> {
            operation.timer = -1;
            if (queued.remove(operation)) {
                operation.inQueue = false;
                counted();
                fail(operation, SendFailedException.CONNECTION_LOST,
                        "Not sent within " + queuedTimeoutMillis + " ms: " + (!queued.connected()
                                ? "no connection" : "the connection had no room for it"));
            }
        });
    }

    /** Fails every request not yet completed: the client is stopping. */
    public void failAll(String errorName, String errorMessage) {
        queued.detach();
        stopSweeping();
        List<Operation> all = new ArrayList<>(pending.values());
        all.addAll(queued.clear().stream().filter(operation -> operation.ackId == null).toList());
        awaitingAck.clear();
        counted();
        all.forEach(operation -> fail(operation, errorName, errorMessage));
    }

    /** How many acked requests await their ack on the connection; readable from any thread. */
    public int inFlight() {
        return inFlightCount;
    }

    /** How many requests wait to be written; readable from any thread. */
    public int queuedCount() {
        return queuedSize;
    }

    /** How many times a request was sent again after a transient failure. */
    public long retryCount() {
        return retries;
    }

    /** How many requests the service answered with {@code Duplicate}. */
    public long duplicateCount() {
        return duplicates;
    }

    /** Publishes the loop's counts for readers on other threads. */
    private void counted() {
        inFlightCount = awaitingAck.size();
        queuedSize = queued.size();
    }

    private void succeed(Operation operation, boolean duplicated) {
        settle(operation);
        SendResult result = new SendResult(operation.ackId, duplicated);
        completions.execute(() -> operation.result.complete(result));
    }

    private void fail(Operation operation, String errorName, String errorMessage) {
        settle(operation);
        completeExceptionally(operation.result, new SendFailedException(operation.ackId, errorName, errorMessage));
    }

    private void completeExceptionally(CompletableFuture<SendResult> result, Throwable error) {
        completions.execute(() -> result.completeExceptionally(error));
    }

    private void settle(Operation operation) {
        cancelTimer(operation);
        if (operation.ackId != null) {
            pending.remove(operation.ackId);
        }
    }

    private void cancelTimer(Operation operation) {
        if (operation.timer >= 0) {
            vertx.cancelTimer(operation.timer);
            operation.timer = -1;
        }
    }

    /** One logical request and its progress. */
    private static final class Operation {
        final Long ackId;
        final ClientFrame frame;
        final CompletableFuture<SendResult> result;
        int retries;
        /** The retry or queue timer; ack timeouts have no timer of their own (see sweepAckTimeouts). */
        long timer = -1;
        long deadlineNanos;
        boolean inQueue;

        Operation(Long ackId, ClientFrame frame, CompletableFuture<SendResult> result) {
            this.ackId = ackId;
            this.frame = frame;
            this.result = result;
        }
    }
}
