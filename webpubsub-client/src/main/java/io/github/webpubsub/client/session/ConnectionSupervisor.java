package io.github.webpubsub.client.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.event.ConnectedEvent;
import io.github.webpubsub.client.event.DisconnectedEvent;
import io.github.webpubsub.client.event.StoppedEvent;
import io.github.webpubsub.client.protocol.ClientFrame;
import io.github.webpubsub.client.protocol.FrameCodec;
import io.github.webpubsub.client.protocol.MalformedFrameException;
import io.github.webpubsub.client.protocol.ServerFrame;
import io.github.webpubsub.client.receive.InboundDispatcher;
import io.github.webpubsub.client.retry.Backoff;
import io.github.webpubsub.client.send.FrameWriter;
import io.github.webpubsub.client.send.OperationSender;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;

/**
 * The client's state machine: opens connections, decides after every drop whether to recover the connection or
 * start a new one, and stops for good when the service refuses the credential or the attempts run out.
 * <p>
 * Everything here runs on the client's event loop. Each socket gets a generation number; callbacks of a socket that
 * is no longer current are ignored, which keeps late events of an abandoned socket from disturbing its successor.
 */
public final class ConnectionSupervisor implements FrameWriter, InboundDispatcher.Flow {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);
    private static final int POLICY_VIOLATION = 1008;

    private final WebPubSubClientOptions options;
    private final Vertx vertx;
    private final Context context;
    private final FrameCodec codec;
    private final InboundDispatcher dispatcher;
    private final Backoff reconnectBackoff;
    private final LivenessMonitor liveness;
    private OperationSender sender;
    private SessionHooks hooks;

    private volatile ClientState state = ClientState.STOPPED;
    private SocketConnector sockets;
    private WebSocket socket;
    private int generation;
    /** The socket of a new connection is open, but the service has not sent {@code connected} yet. */
    private boolean awaitingConnected;
    private boolean recoveryAttempt;

    private String connectionUrl;
    private volatile String connectionId;
    private volatile String userId;
    private String reconnectionToken;
    private String disconnectReason;
    private volatile String lastProblem;
    private long droppedAtNanos;
    private int failedAttempts;

    private long attemptTimer = -1;
    private long connectedTimer = -1;
    private long sequenceAckTimer = -1;

    private CompletableFuture<Void> started;
    private CompletableFuture<Void> stopped;
    private String stopReason;

    /** A stopped supervisor; {@link #bind} completes it before use. */
    public ConnectionSupervisor(WebPubSubClientOptions options, Vertx vertx, Context context, FrameCodec codec,
            InboundDispatcher dispatcher) {
        this.options = options;
        this.vertx = vertx;
        this.context = context;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.reconnectBackoff = new Backoff(options.getReconnectDelay(), options.getMaxReconnectDelay());
        this.liveness = new LivenessMonitor(vertx, options.getPingInterval(), options.getIdleTimeout(), dispatcher::paused);
    }

    /** Completes the wiring; the sender writes through this supervisor, so it is created after it. */
    public void bind(OperationSender sender, SessionHooks hooks) {
        this.sender = sender;
        this.hooks = hooks;
    }

    /** The current state; readable from any thread. */
    public ClientState state() {
        return state;
    }

    /** The current connection's id, or {@code null}; readable from any thread. */
    public String connectionId() {
        return connectionId;
    }

    /** The current connection's user id, or {@code null}; readable from any thread. */
    public String userId() {
        return userId;
    }

    /** Why the last socket closed or the last attempt failed; {@code null} if nothing went wrong yet. */
    public String lastProblem() {
        return lastProblem;
    }

    // ---- start and stop ----------------------------------------------------------------------------------------

    /** Starts connecting; the stage completes at the first {@code connected}, or fails if the client stops first. */
    public CompletableFuture<Void> start() {
        if (state == ClientState.STOPPING) {
            return stopped.thenCompose(v -> EventLoopCalls.call(context, this::start));
        }
        if (state != ClientState.STOPPED) {
            return started;
        }
        started = new CompletableFuture<>();
        stopped = null;
        stopReason = null;
        failedAttempts = 0;
        sockets = new SocketConnector(vertx, options, codec.subprotocol());
        sequenceAckTimer = vertx.setPeriodic(options.getSequenceAckInterval().toMillis(), t -> dispatcher.flushAck());
        moveTo(ClientState.CONNECTING, "start requested");
        openNewConnection();
        return started;
    }

    /** Closes the connection; idempotent. The stage completes once the client is stopped. */
    public CompletableFuture<Void> stop() {
        if (state == ClientState.STOPPED) {
            return CompletableFuture.completedFuture(null);
        }
        if (state == ClientState.STOPPING) {
            return stopped;
        }
        beginStop("Stopped by the application");
        return stopped;
    }

    private void beginStop(String reason) {
        stopped = new CompletableFuture<>();
        stopReason = reason;
        moveTo(ClientState.STOPPING, reason);
        cancelAttemptTimers();
        generation++;
        WebSocket open = socket;
        if (open != null && !open.isClosed()) {
            int closingGeneration = generation;
            open.closeHandler(v -> {
                if (closingGeneration == generation) {
                    finishStop();
                }
            });
            open.close((short) 1000, "Client stopped");
        } else {
            finishStop();
        }
    }

    private void finishStop() {
        cancelConnectionTimers();
        cancelTimer(sequenceAckTimer);
        sequenceAckTimer = -1;
        socket = null;
        sender.failAll(SendFailedException.STOPPED, stopReason);
        if (connectionId != null) {
            DisconnectedEvent disconnected = new DisconnectedEvent(connectionId, 1000, stopReason);
            dispatcher.emit(listener -> listener.onDisconnected(disconnected));
        }
        clearConnection();
        StoppedEvent stoppedEvent = new StoppedEvent(stopReason);
        dispatcher.emit(listener -> listener.onStopped(stoppedEvent));
        if (sockets != null) {
            sockets.close();
            sockets = null;
        }
        moveTo(ClientState.STOPPED, stopReason);
        if (!started.isDone()) {
            IllegalStateException failure = new IllegalStateException("The client stopped before connecting: " + stopReason);
            context.executeBlocking(() -> started.completeExceptionally(failure), false);
        }
        CompletableFuture<Void> done = stopped;
        context.executeBlocking(() -> done.complete(null), false);
    }

    // ---- opening sockets ---------------------------------------------------------------------------------------

    private void openNewConnection() {
        int attempt = ++generation;
        recoveryAttempt = false;
        CompletionStage<String> url;
        try {
            url = options.getCredential().clientAccessUrl();
        } catch (RuntimeException e) {
            url = CompletableFuture.failedFuture(e);
        }
        url.whenComplete((clientAccessUrl, error) -> context.runOnContext(v -> {
            if (attempt != generation || !connecting()) {
                return;
            }
            if (error != null || clientAccessUrl == null) {
                String why = error == null ? "the provider returned no URL" : SocketConnector.describe(error);
                connectFailed(new IllegalStateException("No client access URL: " + why), false);
                return;
            }
            connectionUrl = clientAccessUrl;
            connect(clientAccessUrl, attempt, false);
        }));
    }

    private void recover() {
        int attempt = ++generation;
        recoveryAttempt = true;
        LOG.info("Recovering connection {}", connectionId);
        connect(RecoveryUrl.of(connectionUrl, connectionId, reconnectionToken), attempt, true);
    }

    private void connect(String url, int attempt, boolean recovery) {
        sockets.open(url).onComplete(ar -> {
            if (attempt != generation || !connecting()) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.failed()) {
                connectFailed(ar.cause(), recovery);
            } else {
                opened(ar.result(), attempt, recovery);
            }
        });
    }

    private boolean connecting() {
        return state == ClientState.CONNECTING || state == ClientState.RECONNECTING || state == ClientState.RECOVERING;
    }

    private void opened(WebSocket webSocket, int attempt, boolean recovery) {
        socket = webSocket;
        webSocket.textMessageHandler(text -> onMessage(attempt, Buffer.buffer(text)));
        webSocket.binaryMessageHandler(bytes -> onMessage(attempt, bytes));
        webSocket.exceptionHandler(e -> LOG.debug("Socket error: {}", SocketConnector.describe(e)));
        webSocket.closeHandler(v -> onSocketClosed(attempt, webSocket.closeStatusCode(), webSocket.closeReason()));
        if (dispatcher.paused()) {
            webSocket.pause();
        }
        liveness.watch(webSocket, why -> {
            if (attempt == generation) {
                abandonSocket(why);
            }
        });
        if (recovery) {
            failedAttempts = 0;
            moveTo(ClientState.CONNECTED, "connection " + connectionId + " recovered");
            sender.onConnected();
        } else {
            awaitingConnected = true;
            connectedTimer = vertx.setTimer(options.getConnectTimeout().toMillis(), t -> {
                connectedTimer = -1;
                if (attempt == generation && awaitingConnected) {
                    abandonSocket("the service sent no 'connected' message within " + options.getConnectTimeout());
                }
            });
        }
    }

    private void connectFailed(Throwable cause, boolean recovery) {
        socket = null;
        lastProblem = SocketConnector.describe(cause);
        if (recovery) {
            if (recoveryWindowOpen()) {
                LOG.info("Recovery of connection {} failed ({}); trying again", connectionId, SocketConnector.describe(cause));
                scheduleAttempt(options.getRecoveryDelay().toMillis(), this::recover);
            } else {
                connectionEnded(null, "could not be recovered within " + options.getRecoveryWindow() + ": "
                        + SocketConnector.describe(cause));
            }
            return;
        }
        int status = SocketConnector.rejectedStatus(cause);
        if (status == 401 || status == 403) {
            String reason = "The service rejected the credential (HTTP " + status + ")" + SocketConnector.rejectionDetail(cause);
            if (options.isRetryOnAuthFailure()) {
                LOG.warn("{}; trying again in {}", reason, options.getAuthFailureRetryDelay());
                scheduleAttempt(options.getAuthFailureRetryDelay().toMillis(), this::openNewConnection);
            } else {
                LOG.error("{}; stopping", reason);
                beginStop(reason);
            }
            return;
        }
        failedAttempts++;
        int allowed = options.isAutoReconnect() ? options.getMaxReconnectAttempts() : 0;
        if (allowed >= 0 && failedAttempts > allowed) {
            String reason = "Could not connect after " + failedAttempts + " attempt(s): " + SocketConnector.describe(cause);
            LOG.error("{}; stopping", reason);
            beginStop(reason);
            return;
        }
        long delay = reconnectBackoff.delayMillis(failedAttempts);
        LOG.warn("Connection attempt {} failed ({}); next in {} ms", failedAttempts, SocketConnector.describe(cause), delay);
        scheduleAttempt(delay, this::openNewConnection);
    }

    private void scheduleAttempt(long delayMillis, Runnable attempt) {
        cancelTimer(attemptTimer);
        attemptTimer = vertx.setTimer(Math.max(1, delayMillis), t -> {
            attemptTimer = -1;
            if (connecting()) {
                attempt.run();
            }
        });
    }

    // ---- frames ------------------------------------------------------------------------------------------------

    private void onMessage(int attempt, Buffer message) {
        if (attempt != generation) {
            return;
        }
        liveness.received();
        ServerFrame frame;
        try {
            frame = codec.decode(message);
        } catch (MalformedFrameException e) {
            LOG.warn("Skipped a malformed frame from the service ({} bytes): {}", message.length(), e.getMessage());
            return;
        }
        if (frame instanceof ServerFrame.Ack ack) {
            sender.onAck(ack);
        } else if (frame instanceof ServerFrame.GroupMessage || frame instanceof ServerFrame.ServerMessage) {
            dispatcher.onMessage(frame, connectionId);
        } else if (frame instanceof ServerFrame.Connected connected) {
            onConnected(connected, attempt);
        } else if (frame instanceof ServerFrame.Disconnected disconnected) {
            disconnectReason = disconnected.message();
            LOG.info("The service is closing connection {}: {}", connectionId, disconnectReason);
        } else if (frame instanceof ServerFrame.Ignored ignored) {
            LOG.debug("Ignored a '{}' frame", ignored.type());
        }
    }

    private void onConnected(ServerFrame.Connected connected, int attempt) {
        reconnectionToken = connected.reconnectionToken();
        if (!awaitingConnected) {
            // A recovered connection announces itself again, with a fresh token; it is the same connection.
            LOG.debug("Connection {} confirmed after recovery", connected.connectionId());
            return;
        }
        awaitingConnected = false;
        cancelTimer(connectedTimer);
        connectedTimer = -1;
        connectionId = connected.connectionId();
        userId = connected.userId();
        failedAttempts = 0;
        dispatcher.newConnection();
        moveTo(ClientState.CONNECTED, "connection " + connectionId + (userId == null ? "" : " for user " + userId));
        CompletionStage<Void> rejoined = options.isAutoRejoinGroups() ? hooks.rejoinGroups()
                : CompletableFuture.completedFuture(null);
        sender.onConnected();
        ConnectedEvent event = new ConnectedEvent(connectionId, userId);
        rejoined.whenComplete((v, e) -> context.runOnContext(x -> {
            if (attempt == generation) {
                dispatcher.emit(listener -> listener.onConnected(event));
                context.executeBlocking(() -> started.complete(null), false);
            }
        }));
    }

    // ---- losing sockets ----------------------------------------------------------------------------------------

    private void onSocketClosed(int attempt, Short code, String reason) {
        if (attempt != generation) {
            return;
        }
        String why = disconnectReason != null ? disconnectReason
                : reason != null && !reason.isEmpty() ? reason : code == null ? "connection lost" : "close code " + code;
        socketGone(code == null ? null : code.intValue(), why);
    }

    /**
     * Gives up on a socket that stays silent: it counts as dropped. Its TCP connection is closed at once, since a
     * peer that answers nothing will not complete a close handshake either.
     */
    private void abandonSocket(String why) {
        WebSocket stale = socket;
        generation++;
        LOG.warn("Abandoning the socket of connection {}: {}", connectionId, why);
        SocketConnector.abandon(stale);
        socketGone(null, why);
    }

    private void socketGone(Integer code, String why) {
        socket = null;
        lastProblem = why + (code == null ? "" : " (close code " + code + ")");
        disconnectReason = null;
        cancelConnectionTimers();
        sender.onConnectionLost();
        if (state == ClientState.STOPPING) {
            finishStop();
            return;
        }
        boolean wasConnected = state == ClientState.CONNECTED;
        if (awaitingConnected || (!wasConnected && !recoveryAttempt)) {
            awaitingConnected = false;
            connectFailed(new IllegalStateException("socket closed before 'connected' (" + why + ")"), false);
            return;
        }
        if (wasConnected) {
            droppedAtNanos = System.nanoTime();
        }
        if (recoverable(code)) {
            if (wasConnected) {
                moveTo(ClientState.RECOVERING, "connection " + connectionId + " dropped (" + why + ")");
                scheduleAttempt(0, this::recover);
            } else {
                scheduleAttempt(options.getRecoveryDelay().toMillis(), this::recover);
            }
        } else {
            connectionEnded(code, why);
        }
    }

    private boolean recoverable(Integer code) {
        return codec.reliable() && connectionId != null && reconnectionToken != null && connectionUrl != null
                && (code == null || code != POLICY_VIOLATION) && recoveryWindowOpen();
    }

    private boolean recoveryWindowOpen() {
        return System.nanoTime() - droppedAtNanos < options.getRecoveryWindow().toNanos();
    }

    /** The connection is gone for good: tell the listeners, then open a new one or stop. */
    private void connectionEnded(Integer code, String why) {
        DisconnectedEvent event = new DisconnectedEvent(connectionId, code, why);
        LOG.info("Connection {} ended: {}", connectionId, why);
        dispatcher.emit(listener -> listener.onDisconnected(event));
        clearConnection();
        if (!options.isAutoReconnect()) {
            beginStop("Connection ended (" + why + ") and autoReconnect is off");
            return;
        }
        moveTo(ClientState.RECONNECTING, "opening a new connection");
        scheduleAttempt(reconnectBackoff.delayMillis(1), this::openNewConnection);
    }

    private void clearConnection() {
        connectionId = null;
        userId = null;
        reconnectionToken = null;
        awaitingConnected = false;
    }

    private void cancelConnectionTimers() {
        liveness.stop();
        cancelTimer(connectedTimer);
        connectedTimer = -1;
    }

    private void cancelAttemptTimers() {
        cancelTimer(attemptTimer);
        attemptTimer = -1;
    }

    private void cancelTimer(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    // ---- FrameWriter and Flow ----------------------------------------------------------------------------------

    @Override
    public boolean connected() {
        return state == ClientState.CONNECTED && socket != null && !awaitingConnected;
    }

    @Override
    public Future<Void> write(ClientFrame frame) {
        return socket.writeFrame(codec.encode(frame));
    }

    @Override
    public void pause() {
        if (socket != null) {
            socket.pause();
        }
    }

    @Override
    public void resume() {
        if (socket != null) {
            socket.resume();
        }
    }

    @Override
    public boolean sequenceAck(long sequenceId) {
        if (!connected() || !codec.reliable()) {
            return false;
        }
        write(new ClientFrame.SequenceAck(sequenceId));
        return true;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void moveTo(ClientState next, String why) {
        if (state != next) {
            LOG.info("{} -> {}: {}", state, next, why);
            state = next;
        }
    }
}
