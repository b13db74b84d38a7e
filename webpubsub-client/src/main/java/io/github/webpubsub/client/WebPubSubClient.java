package io.github.webpubsub.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.webpubsub.client.internal.WebPubSubClientImpl;

/**
 * An asynchronous Azure Web PubSub client: joins groups, publishes to them, sends events, and receives group and
 * server messages, over one WebSocket that it keeps alive.
 * <p>
 * Requests with an ack complete when the service acknowledges them, and are retried with the same ackId after a
 * transient failure, so a retry never publishes twice within a connection. On the reliable protocol (the default)
 * a dropped socket is recovered without losing or repeating a message; when a connection cannot be recovered, a new
 * one is opened and the groups are joined again.
 * <p>
 * Thread-safe. Socket work runs on one Vert.x event loop; listeners run on the client's own ordered delivery
 * executor and future completions on worker threads, never on the loop, so one client's slow listener never delays
 * another client.
 *
 * <pre>{@code
 * WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(
 *         ConnectionStringCredential.builder(connectionString, "chat").userId("bot")
 *                 .roles(List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup")).build()));
 * client.addListener(event -> {
 *     if (event instanceof WebPubSubEvent.GroupMessage message) { ... }
 * });
 * client.start().get(30, TimeUnit.SECONDS);
 * client.joinGroup("room1").get(30, TimeUnit.SECONDS);
 * client.sendToGroup("room1", MessageData.text("hello")).get(30, TimeUnit.SECONDS);
 * }</pre>
 */
public interface WebPubSubClient extends AutoCloseable {

    /**
     * Creates a client; it does not connect until {@link #start()}.
     *
     * @throws IllegalArgumentException naming the first invalid option
     * @throws NullPointerException     when no credential is set
     */
    static WebPubSubClient create(WebPubSubClientOptions options) {
        return new WebPubSubClientImpl(options);
    }

    /**
     * Connects. Completes when the service has accepted the first connection and the client has joined its groups;
     * fails if the client stops first (the credential is rejected, attempts run out, or {@link #stop()} is called).
     * Idempotent: calling it again returns the same stage. Called while the client is stopping, it waits for the stop
     * to finish and then starts again; the stage completes at the new connection.
     */
    CompletableFuture<Void> start();

    /**
     * Closes the connection, fails requests still waiting for an ack, and raises disconnected and stopped, and
     * cancels any recovery or reconnection attempt scheduled. Idempotent: called while the client is stopping, it
     * returns a stage that completes with the stop under way. The client can be started again.
     */
    CompletableFuture<Void> stop();

    /**
     * Stops, and closes the Vert.x instance if the client created it. Idempotent. Must not be called on an event
     * loop.
     */
    @Override
    void close();

    /** Adds a listener for messages and lifecycle events. */
    WebPubSubClient addListener(WebPubSubListener listener);

    /** Removes a listener. */
    WebPubSubClient removeListener(WebPubSubListener listener);

    /** The current state. */
    ClientState state();

    /** The id of the current connection, or {@code null} when not connected. */
    String connectionId();

    /** The user id the service gave the current connection, or {@code null}. */
    String userId();

    /**
     * Why the last socket closed or the last connection attempt failed, for health reports; {@code null} while
     * nothing has gone wrong. Never contains a token.
     */
    String lastProblem();

    /**
     * How many received messages wait for the listeners right now. Bounded by
     * {@link WebPubSubClientOptions#getReceiveQueueCapacity()}: past that, the client stops reading from the socket.
     */
    int pendingDeliveries();

    /** How many frames from the service were malformed since the client was created; each was also an event. */
    long malformedMessages();

    /** The client's figures now: state, groups, sends in flight and queued, receive lag, recoveries, and more. */
    ClientStatistics statistics();

    /**
     * Joins a group; the client joins it again on every new connection. If the join fails for want of a connection,
     * the group is still joined as soon as a new connection is up; only the service's refusal (such as
     * {@code Forbidden}) drops it.
     */
    default CompletableFuture<SendResult> joinGroup(String group) {
        return joinGroup(group, SendOptions.defaults());
    }

    /** Joins a group with the given ackId or fire-and-forget. */
    CompletableFuture<SendResult> joinGroup(String group, SendOptions options);

    /** Leaves a group; it is no longer joined again on new connections. */
    default CompletableFuture<SendResult> leaveGroup(String group) {
        return leaveGroup(group, SendOptions.defaults());
    }

    /** Leaves a group with the given ackId or fire-and-forget. */
    CompletableFuture<SendResult> leaveGroup(String group, SendOptions options);

    /** Publishes to a group; completes on the ack. */
    default CompletableFuture<SendResult> sendToGroup(String group, MessageData data) {
        return sendToGroup(group, data, SendOptions.defaults());
    }

    /** Publishes to a group with the given options (ackId, noEcho, fire-and-forget). */
    CompletableFuture<SendResult> sendToGroup(String group, MessageData data, SendOptions options);

    /** Sends a custom event to the hub's event handler; completes on the ack. */
    default CompletableFuture<SendResult> sendEvent(String event, MessageData data) {
        return sendEvent(event, data, SendOptions.defaults());
    }

    /** Sends a custom event with the given options (ackId, fire-and-forget). */
    CompletableFuture<SendResult> sendEvent(String event, MessageData data, SendOptions options);

    /**
     * Invokes the hub's event handler and waits for its answer: sends {@code invoke}, which the service delivers to
     * the handler as the user event {@code event}, and completes with the handler's answer. Waits at most
     * {@link WebPubSubClientOptions#getInvokeTimeout()}.
     *
     * @see #invokeEvent(String, MessageData, Duration)
     */
    default CompletableFuture<InvokeResult> invokeEvent(String event, MessageData data) {
        return invokeEvent(event, data, null);
    }

    /**
     * Invokes the hub's event handler and waits at most {@code timeout} ({@code null}: the option's) for its answer.
     * Made while the client is connecting or recovering, it waits for the connection within the same timeout. Fails
     * with an {@link InvocationFailedException}: the service's or handler's error, a timeout (after which
     * {@code cancelInvocation} is sent and a late answer ignored), a drop after it was sent, or more than
     * {@link WebPubSubClientOptions#getMaxInvocations()} waiting. Never sent twice: the handler may already have
     * acted.
     */
    CompletableFuture<InvokeResult> invokeEvent(String event, MessageData data, Duration timeout);
}
