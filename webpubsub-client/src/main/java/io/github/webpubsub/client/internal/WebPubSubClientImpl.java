package io.github.webpubsub.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.InvocationFailedException;
import io.github.webpubsub.client.InvokeResult;
import io.github.webpubsub.client.Names;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendOptions;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubListener;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.delivery.EventDelivery;
import io.github.webpubsub.client.internal.inbox.Inbox;
import io.github.webpubsub.client.internal.send.Invocations;
import io.github.webpubsub.client.internal.send.RequestSender;
import io.github.webpubsub.client.internal.state.ConnectionRecord;
import io.github.webpubsub.client.internal.state.StatePersistence;
import io.github.webpubsub.client.internal.transport.TransportFactory;
import io.github.webpubsub.client.internal.transport.WebSocketTransportFactory;
import io.github.webpubsub.client.internal.util.EventLoopCalls;
import io.github.webpubsub.client.internal.util.LoopBatchingExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The client behind {@link WebPubSubClient}: builds the engine once, top-down (state machine over sender and inbox
 * over a transport factory), and hops every call onto the client's event loop.
 */
public final class WebPubSubClientImpl implements WebPubSubClient {

    private static final Logger LOG = LoggerFactory.getLogger(WebPubSubClientImpl.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Context context;
    private final TransportFactory transports;
    private final EventDelivery delivery;
    private final Inbox inbox;
    private final RequestSender sender;
    /** Where returned futures complete: never the event loop. */
    private final Executor completions;
    private final Invocations invocations;
    private final long invokeTimeoutMillis;
    private final GroupSet groups = new GroupSet();
    private final ConnectionStateMachine machine;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A client over real WebSockets. */
    public WebPubSubClientImpl(WebPubSubClientOptions options) {
        this(options, null);
    }

    /**
     * A client whose sockets come from {@code transports}, or real WebSockets when {@code null}: tests drive the
     * engine frame by frame through a fake factory.
     */
    public WebPubSubClientImpl(WebPubSubClientOptions options, TransportFactory transports) {
        options.validate();
        this.ownsVertx = options.getVertx() == null;
        this.vertx = ownsVertx ? Vertx.vertx() : options.getVertx();
        this.context = vertx.getOrCreateContext();
        FrameCodec codec = FrameCodec.of(options.getProtocol());
        Executor workers = command -> vertx.executeBlocking(() -> {
            command.run();
            return null;
        }, false);
        Executor listenerThreads = options.getDeliveryExecutor() != null ? options.getDeliveryExecutor() : workers;
        Executor completionThreads = options.getCompletionExecutor() != null ? options.getCompletionExecutor() : workers;
        this.completions = completionThreads;
        this.transports = transports != null ? transports : new WebSocketTransportFactory(vertx, options, codec);
        this.delivery = new EventDelivery(listenerThreads);
        StatePersistence persistence = persistence(options, codec.reliable(), completionThreads);
        ConnectionRecord record = new ConnectionRecord(persistence);
        this.inbox = new Inbox(vertx, context, options, codec.reliable(), delivery, record::acked);
        // Acks arrive many to a socket read: their completions leave the event loop together.
        this.sender = new RequestSender(vertx, options, new LoopBatchingExecutor(context, completionThreads));
        this.invocations = new Invocations(vertx, completionThreads, options.getMaxInvocations());
        this.invokeTimeoutMillis = options.getInvokeTimeout().toMillis();
        this.machine = new ConnectionStateMachine(options, vertx, context, completionThreads, this.transports, sender,
                invocations, inbox, delivery, groups, persistence, record);
        LOG.debug("Client created for {} over {}", options.getCredential(), codec.subprotocol());
    }

    /** The connection state store, off the event loop; null without one, or on a protocol that cannot use it. */
    private static StatePersistence persistence(WebPubSubClientOptions options, boolean reliable, Executor workers) {
        if (options.getConnectionStateStore() == null) {
            return null;
        }
        if (!reliable) {
            LOG.warn("A connection state store needs a reliable protocol; over {} nothing is kept", options.getProtocol());
            return null;
        }
        return new StatePersistence(options.getConnectionStateStore(), workers);
    }

    @Override
    public CompletableFuture<Void> start() {
        return onLoop(machine::start);
    }

    @Override
    public CompletableFuture<Void> stop() {
        return onLoop(machine::stop);
    }

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
        try {
            context.runOnContext(v -> transports.close());
        } catch (RuntimeException e) {
            LOG.debug("Vert.x is already closed: {}", e.toString());
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

    @Override
    public WebPubSubClient addListener(WebPubSubListener listener) {
        delivery.addListener(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public WebPubSubClient removeListener(WebPubSubListener listener) {
        delivery.removeListener(listener);
        return this;
    }

    @Override
    public ClientState state() {
        return machine.state();
    }

    @Override
    public String connectionId() {
        return machine.connectionId();
    }

    @Override
    public String userId() {
        return machine.userId();
    }

    @Override
    public String lastProblem() {
        return machine.lastProblem();
    }

    @Override
    public int pendingDeliveries() {
        return inbox.waiting();
    }

    @Override
    public long malformedMessages() {
        return inbox.malformedCount();
    }

    @Override
    public ClientStatistics statistics() {
        return new ClientStatistics(machine.state(), machine.connectionId(), machine.userId(), groups.snapshot(),
                sender.inFlight(), sender.queuedCount(), inbox.receivedCount(), inbox.unacknowledged(),
                machine.recoveries(), machine.reconnections(), sender.retryCount(), sender.duplicateCount(),
                inbox.malformedCount(), machine.lastCloseCode(), machine.lastProblem());
    }

    @Override
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

    @Override
    public CompletableFuture<SendResult> leaveGroup(String group, SendOptions options) {
        Names.requireGroup(group);
        return onLoop(() -> {
            groups.remove(group);
            return submit(ackId -> new ClientFrame.LeaveGroup(group, ackId), options);
        });
    }

    @Override
    public CompletableFuture<SendResult> sendToGroup(String group, MessageData data, SendOptions options) {
        Names.requireGroup(group);
        Objects.requireNonNull(data, "data");
        return onLoop(() -> submit(ackId -> new ClientFrame.SendToGroup(group, data, options.noEcho(), ackId), options));
    }

    @Override
    public CompletableFuture<SendResult> sendEvent(String event, MessageData data, SendOptions options) {
        Names.requireEvent(event);
        Objects.requireNonNull(data, "data");
        return onLoop(() -> submit(ackId -> new ClientFrame.SendEvent(event, data, ackId), options));
    }

    @Override
    public CompletableFuture<InvokeResult> invokeEvent(String event, MessageData data, Duration timeout) {
        Names.requireEvent(event);
        Objects.requireNonNull(data, "data");
        long timeoutMillis = timeout == null ? invokeTimeoutMillis : timeout.toMillis();
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return onLoop(() -> {
            CompletableFuture<InvokeResult> result = new CompletableFuture<>();
            if (!machine.accepting()) {
                result.completeExceptionally(new InvocationFailedException(null, event, InvocationFailedException.STOPPED,
                        "The client is not started"));
                return result;
            }
            invocations.invoke(event, data, timeoutMillis, result);
            return result;
        });
    }

    private CompletableFuture<SendResult> submit(Function<Long, ClientFrame> frame, SendOptions options) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        if (!machine.accepting()) {
            result.completeExceptionally(new SendFailedException(options.ackId(), SendFailedException.STOPPED,
                    "The client is not started"));
            return result;
        }
        sender.submit(frame, options, result);
        return result;
    }

    private <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> action) {
        return EventLoopCalls.call(context, completions, action);
    }
}
