package io.github.webpubsub.client.send;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendOptions;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.protocol.ClientFrame;
import io.github.webpubsub.client.protocol.ServerFrame;
import io.github.webpubsub.client.retry.Backoff;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends requests and sees each through to its ack: one ackId per logical request, kept on every retry, so the
 * service can answer a repeat with {@code Duplicate} instead of acting twice. Any number of requests may await
 * their acks at once. While there is no connection, requests wait in a bounded queue and go out, in order, when it
 * is back.
 * <p>
 * Everything here runs on the client's event loop; futures are completed on a worker thread, so callers' code never
 * runs on the loop.
 */
public final class OperationSender {

    private static final Logger LOG = LoggerFactory.getLogger(OperationSender.class);

    private final Vertx vertx;
    private final Context context;
    private final FrameWriter writer;
    private final Backoff backoff;
    private final long ackTimeoutMillis;
    private final int maxRetries;
    private final int maxQueued;
    private final long queuedTimeoutMillis;

    private long nextAckId = 1;
    /** Every acked request not yet completed, by ackId, wherever it is: awaiting its ack, backing off or queued. */
    private final Map<Long, Operation> pending = new HashMap<>();
    /** Requests written on the current connection and awaiting their ack, in the order they were written. */
    private final LinkedHashMap<Long, Operation> awaitingAck = new LinkedHashMap<>();
    /** Requests waiting for a connection, in the order they will be written. */
    private final ArrayDeque<Operation> queued = new ArrayDeque<>();

    /** A sender writing through {@code writer}, with the retry and queue settings of {@code options}. */
    public OperationSender(Vertx vertx, Context context, FrameWriter writer, WebPubSubClientOptions options) {
        this.vertx = vertx;
        this.context = context;
        this.writer = writer;
        this.backoff = new Backoff(options.getRetryDelay(), options.getMaxRetryDelay());
        this.ackTimeoutMillis = options.getAckTimeout().toMillis();
        this.maxRetries = options.getMaxRetries();
        this.maxQueued = options.getMaxQueuedSends();
        this.queuedTimeoutMillis = options.getQueuedSendTimeout().toMillis();
    }

    /**
     * Sends a request. On the event loop.
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
        if (writer.connected()) {
            write(operation);
        } else {
            enqueue(operation, false);
        }
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
                writer.write(operation.frame).onComplete(ar -> {
                    if (ar.succeeded()) {
                        succeed(operation, false);
                    } else {
                        fail(operation, SendFailedException.CONNECTION_LOST, ar.cause().getMessage());
                    }
                });
                return;
            }
            awaitingAck.put(operation.ackId, operation);
            operation.timer = vertx.setTimer(ackTimeoutMillis, t -> ackTimedOut(operation));
            writer.write(operation.frame);
        } catch (IllegalArgumentException e) {
            awaitingAck.remove(operation.ackId);
            fail(operation, SendFailedException.INVALID_REQUEST, e.getMessage());
        }
    }

    /** An ack arrived. A late ack, for an attempt that already timed out, still settles the request. */
    public void onAck(ServerFrame.Ack ack) {
        Operation operation = pending.get(ack.ackId());
        if (operation == null) {
            LOG.debug("Ack for unknown ackId {} ignored", ack.ackId());
            return;
        }
        awaitingAck.remove(ack.ackId());
        queued.remove(operation);
        if (ack.success()) {
            succeed(operation, false);
        } else if (AckErrors.DUPLICATE.equals(ack.errorName())) {
            succeed(operation, true);
        } else if (AckErrors.isTransient(ack.errorName())) {
            retryOrFail(operation, ack.errorName(), ack.errorMessage());
        } else {
            fail(operation, ack.errorName(), ack.errorMessage());
        }
    }

    private void ackTimedOut(Operation operation) {
        operation.timer = -1;
        if (awaitingAck.remove(operation.ackId) != null) {
            retryOrFail(operation, SendFailedException.ACK_TIMEOUT, "No ack within " + ackTimeoutMillis + " ms");
        }
    }

    private void retryOrFail(Operation operation, String errorName, String errorMessage) {
        cancelTimer(operation);
        if (operation.retries >= maxRetries) {
            fail(operation, errorName, errorMessage);
            return;
        }
        operation.retries++;
        long delay = backoff.delayMillis(operation.retries);
        LOG.debug("Retrying ackId {} in {} ms (attempt {} of {}) after {}", operation.ackId, delay, operation.retries,
                maxRetries, errorName);
        operation.timer = vertx.setTimer(delay, t -> {
            operation.timer = -1;
            if (writer.connected()) {
                write(operation);
            } else {
                enqueue(operation, false);
            }
        });
    }

    private void enqueue(Operation operation, boolean atFront) {
        if (queued.size() >= maxQueued) {
            fail(operation, SendFailedException.QUEUE_FULL, maxQueued + " requests are already waiting for a connection");
            return;
        }
        if (atFront) {
            queued.addFirst(operation);
        } else {
            queued.addLast(operation);
        }
        operation.timer = vertx.setTimer(queuedTimeoutMillis, t -> {
            operation.timer = -1;
            if (queued.remove(operation)) {
                fail(operation, SendFailedException.CONNECTION_LOST,
                        "No connection within " + queuedTimeoutMillis + " ms");
            }
        });
    }

    /** A connection is up: write what waited for it, oldest first. */
    public void onConnected() {
        List<Operation> ready = new ArrayList<>(queued);
        queued.clear();
        for (Operation operation : ready) {
            cancelTimer(operation);
            write(operation);
        }
    }

    /**
     * The socket is gone. Requests that were awaiting an ack are sent again with the same ackId when a connection
     * is back: a recovered connection answers {@code Duplicate} for any the service had already done. This counts
     * as a retry.
     */
    public void onConnectionLost() {
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
                enqueue(operation, true);
            }
        }
    }

    /** Fails every request not yet completed: the client is stopping. */
    public void failAll(String errorName, String errorMessage) {
        List<Operation> all = new ArrayList<>(pending.values());
        all.addAll(queued.stream().filter(operation -> operation.ackId == null).toList());
        awaitingAck.clear();
        queued.clear();
        all.forEach(operation -> fail(operation, errorName, errorMessage));
    }

    /** How many acked requests are not yet completed. */
    public int pendingCount() {
        return pending.size();
    }

    private void succeed(Operation operation, boolean duplicated) {
        settle(operation);
        SendResult result = new SendResult(operation.ackId, duplicated);
        context.executeBlocking(() -> operation.result.complete(result), false);
    }

    private void fail(Operation operation, String errorName, String errorMessage) {
        settle(operation);
        completeExceptionally(operation.result, new SendFailedException(operation.ackId, errorName, errorMessage));
    }

    private void completeExceptionally(CompletableFuture<SendResult> result, Throwable error) {
        context.executeBlocking(() -> result.completeExceptionally(error), false);
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
        long timer = -1;

        Operation(Long ackId, ClientFrame frame, CompletableFuture<SendResult> result) {
            this.ackId = ackId;
            this.frame = frame;
            this.result = result;
        }
    }
}
