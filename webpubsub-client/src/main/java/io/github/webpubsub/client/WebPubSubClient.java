package io.github.webpubsub.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.event.RejoinGroupFailedEvent;
import io.github.webpubsub.client.event.WebPubSubListener;
import io.github.webpubsub.client.protocol.ClientFrame;
import io.github.webpubsub.client.protocol.FrameCodec;
import io.github.webpubsub.client.receive.InboundDispatcher;
import io.github.webpubsub.client.send.OperationSender;
import io.github.webpubsub.client.session.ConnectionSupervisor;
import io.github.webpubsub.client.session.EventLoopCalls;
import io.github.webpubsub.client.session.SessionHooks;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * An asynchronous Azure Web PubSub client: joins groups, publishes to them, sends events, and receives group and
 * server messages, over one WebSocket that it keeps alive.
 * <p>
 * Requests with an ack complete when the service acknowledges them, and are retried with the same ackId after a
 * transient failure, so a retry never publishes twice within a connection. On the reliable protocol (the default)
 * a dropped socket is recovered without losing or repeating a message; when a connection cannot be recovered, a new
 * one is opened and the groups are joined again.
 * <p>
 * Thread-safe. Socket work runs on one Vert.x event loop; listener calls and future completions run on worker
 * threads, never on the loop.
 *
 * <pre>{@code
 * WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(
 *         ConnectionStringCredential.builder(connectionString, "chat").userId("bot")
 *                 .roles(List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup")).build()));
 * client.addListener(new WebPubSubListener() {
 *     public void onGroupMessage(GroupMessageEvent event) { ... }
 * });
 * client.start().join();
 * client.joinGroup("room1").join();
 * client.sendToGroup("room1", MessageData.text("hello")).join();
 * }</pre>
 */
public final class WebPubSubClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebPubSubClient.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Context context;
    private final InboundDispatcher dispatcher;
    private final OperationSender sender;
    private final ConnectionSupervisor supervisor;
    /** The groups the application joined, in order; joined again on every new connection. Event-loop only. */
    private final Set<String> groups = new LinkedHashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebPubSubClient(WebPubSubClientOptions options) {
        options.validate();
        this.ownsVertx = options.getVertx() == null;
        this.vertx = ownsVertx ? Vertx.vertx() : options.getVertx();
        this.context = vertx.getOrCreateContext();
        FrameCodec codec = options.getProtocol().codec();
        this.dispatcher = new InboundDispatcher(context, options);
        this.supervisor = new ConnectionSupervisor(options, vertx, context, codec, dispatcher);
        dispatcher.bind(supervisor);
        this.sender = new OperationSender(vertx, context, supervisor, options);
        supervisor.bind(sender, new Rejoiner());
        LOG.debug("Client created for {} over {}", options.getCredential(), codec.subprotocol());
    }

    /**
     * Creates a client; it does not connect until {@link #start()}.
     *
     * @throws IllegalArgumentException naming the first invalid option
     * @throws NullPointerException     when no credential is set
     */
    public static WebPubSubClient create(WebPubSubClientOptions options) {
        return new WebPubSubClient(options);
    }

    /**
     * Connects. Completes when the service has accepted the first connection and the client has joined its groups;
     * fails if the client stops first (the credential is rejected, attempts run out, or {@link #stop()} is called).
     * Idempotent: calling it again returns the same stage.
     */
    public CompletableFuture<Void> start() {
        return onLoop(supervisor::start);
    }

    /**
     * Closes the connection, fails requests still waiting for an ack, and raises disconnected and stopped.
     * Idempotent. The client can be started again.
     */
    public CompletableFuture<Void> stop() {
        return onLoop(supervisor::stop);
    }

    /**
     * Stops, and closes the Vert.x instance if the client created it. Idempotent. Must not be called on an event
     * loop.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stop().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The client did not stop cleanly: {}", e.toString());
        }
        if (ownsVertx) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Vert.x did not close cleanly: {}", e.toString());
            }
        }
    }

    /** Adds a listener for messages and lifecycle events. */
    public WebPubSubClient addListener(WebPubSubListener listener) {
        dispatcher.addListener(listener);
        return this;
    }

    /** Removes a listener. */
    public WebPubSubClient removeListener(WebPubSubListener listener) {
        dispatcher.removeListener(listener);
        return this;
    }

    /** The current state. */
    public ClientState state() {
        return supervisor.state();
    }

    /** The id of the current connection, or {@code null} when not connected. */
    public String connectionId() {
        return supervisor.connectionId();
    }

    /**
     * Why the last socket closed or the last connection attempt failed, for health reports; {@code null} while
     * nothing has gone wrong. Never contains a token.
     */
    public String lastProblem() {
        return supervisor.lastProblem();
    }

    /** The user id the service gave the current connection, or {@code null}. */
    public String userId() {
        return supervisor.userId();
    }

    /**
     * How many received messages wait for the listeners right now. Bounded by
     * {@link WebPubSubClientOptions#getReceiveQueueCapacity()}: past that, the client stops reading from the socket.
     */
    public int pendingDeliveries() {
        return dispatcher.waiting();
    }

    /**
     * Joins a group; the client joins it again on every new connection. If the join fails for want of a connection,
     * the group is still joined as soon as a new connection is up; only the service's refusal (such as
     * {@code Forbidden}) drops it.
     */
    public CompletableFuture<SendResult> joinGroup(String group) {
        return joinGroup(group, SendOptions.defaults());
    }

    /** Joins a group with the given ackId or fire-and-forget. */
    public CompletableFuture<SendResult> joinGroup(String group, SendOptions options) {
        Names.requireGroup(group);
        return onLoop(() -> {
            groups.add(group);
            CompletableFuture<SendResult> result = submit(ackId -> new ClientFrame.JoinGroup(group, ackId), options);
            result.whenComplete((ok, error) -> {
                // Only the service's refusal is final. A join that found no connection stays wanted: the next new
                // connection joins it with the others.
                if (error instanceof SendFailedException failed && failed.fromService()) {
                    context.runOnContext(v -> groups.remove(group));
                }
            });
            return result;
        });
    }

    /** Leaves a group; it is no longer joined again on new connections. */
    public CompletableFuture<SendResult> leaveGroup(String group) {
        return leaveGroup(group, SendOptions.defaults());
    }

    /** Leaves a group with the given ackId or fire-and-forget. */
    public CompletableFuture<SendResult> leaveGroup(String group, SendOptions options) {
        Names.requireGroup(group);
        return onLoop(() -> {
            groups.remove(group);
            return submit(ackId -> new ClientFrame.LeaveGroup(group, ackId), options);
        });
    }

    /** Publishes to a group; completes on the ack. */
    public CompletableFuture<SendResult> sendToGroup(String group, MessageData data) {
        return sendToGroup(group, data, SendOptions.defaults());
    }

    /** Publishes to a group with the given options (ackId, noEcho, fire-and-forget). */
    public CompletableFuture<SendResult> sendToGroup(String group, MessageData data, SendOptions options) {
        Names.requireGroup(group);
        Objects.requireNonNull(data, "data");
        return onLoop(() -> submit(ackId -> new ClientFrame.SendToGroup(group, data, options.noEcho(), ackId), options));
    }

    /** Sends a custom event to the hub's event handler; completes on the ack. */
    public CompletableFuture<SendResult> sendEvent(String event, MessageData data) {
        return sendEvent(event, data, SendOptions.defaults());
    }

    /** Sends a custom event with the given options (ackId, fire-and-forget). */
    public CompletableFuture<SendResult> sendEvent(String event, MessageData data, SendOptions options) {
        Names.requireEvent(event);
        Objects.requireNonNull(data, "data");
        return onLoop(() -> submit(ackId -> new ClientFrame.SendEvent(event, data, ackId), options));
    }

    private CompletableFuture<SendResult> submit(Function<Long, ClientFrame> frame, SendOptions options) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        if (supervisor.state() == ClientState.STOPPED || supervisor.state() == ClientState.STOPPING) {
            Long ackId = options.ackId();
            result.completeExceptionally(new SendFailedException(ackId, SendFailedException.STOPPED,
                    "The client is not started"));
            return result;
        }
        sender.submit(frame, options, result);
        return result;
    }

    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> action) {
        return EventLoopCalls.call(context, action);
    }

    /** Joins the application's groups again on a new connection, reporting each failure. */
    private final class Rejoiner implements SessionHooks {
        @Override
        public CompletableFuture<Void> rejoinGroups() {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (String group : List.copyOf(groups)) {
                CompletableFuture<SendResult> join = new CompletableFuture<>();
                sender.submit(ackId -> new ClientFrame.JoinGroup(group, ackId), SendOptions.defaults(), join);
                // Reported before the stage completes, so the failure reaches listeners ahead of "connected".
                joins.add(join.handle((ok, error) -> {
                    if (error != null) {
                        LOG.warn("Could not join group '{}' again: {}", group, error.getMessage());
                        RejoinGroupFailedEvent event = new RejoinGroupFailedEvent(group, error);
                        context.runOnContext(v -> dispatcher.emit(listener -> listener.onRejoinGroupFailed(event)));
                    }
                    return null;
                }));
            }
            return CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).exceptionally(error -> null);
        }
    }
}
