package io.github.webpubsub.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.ConnectionState;
import io.github.webpubsub.client.InvocationFailedException;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.StateLockMode;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.MalformedFrameException;
import io.github.webpubsub.client.internal.codec.ServerFrame;
import io.github.webpubsub.client.internal.delivery.EventDelivery;
import io.github.webpubsub.client.internal.inbox.Inbox;
import io.github.webpubsub.client.internal.send.Invocations;
import io.github.webpubsub.client.internal.send.RequestSender;
import io.github.webpubsub.client.internal.state.ConnectionRecord;
import io.github.webpubsub.client.internal.state.StatePersistence;
import io.github.webpubsub.client.internal.transport.Transport;
import io.github.webpubsub.client.internal.transport.TransportFactory;
import io.github.webpubsub.client.internal.transport.TransportListener;
import io.github.webpubsub.client.internal.util.Backoff;
import io.github.webpubsub.client.internal.util.EventLoopCalls;
import io.github.webpubsub.client.internal.util.Failures;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The client's state machine: opens connections, decides after every drop whether to recover the connection or
 * start a new one, and stops for good when the service refuses the credential or the attempts run out.
 * <p>
 * It sits on top: it tells the sender and the inbox which transport is current, and they write down to it. Each
 * socket attempt gets a generation number; what a socket that is no longer current reports is ignored, which keeps
 * late events of an abandoned socket from disturbing its successor. Everything here runs on the client's event loop.
 */
final class ConnectionStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStateMachine.class);
    private static final int POLICY_VIOLATION = 1008;
    private static final short NORMAL_CLOSURE = 1000;
    /** The close of a client that leaves its connection for a restarted process to take back. */
    private static final short GOING_AWAY = 1001;
    /** How long a client leaving its connection waits for its listeners to finish what they were handed. */
    static final long LEAVE_DRAIN_MILLIS = 10_000;
    private static final long BACKLOG_CHECK_MILLIS = 100;

    private final WebPubSubClientOptions options;
    private final Vertx vertx;
    private final Context context;
    private final Executor completions;
    private final boolean reliable;
    private final TransportFactory transports;
    private final RequestSender sender;
    private final Invocations invocations;
    private final Inbox inbox;
    private final EventDelivery delivery;
    private final GroupSet groups;
    private final Backoff reconnectBackoff;
    /** The connection state store, off the event loop; null without one. */
    private final StatePersistence persistence;
    /** What the store is to hold for the current connection; the inbox reports its acks to it too. */
    private final ConnectionRecord record;
    private boolean lockHeld;
    private boolean lockWaitLogged;
    /** The connection being recovered is one a previous process left in the store. */
    private boolean resuming;
    private long resumedAcked;
    /**
     * Past this many received messages waiting for the listeners, a new connection waits: the old connection's
     * messages are still delivered, and a listener slower than its publishers must not make the client hold a
     * connection's worth more after every SlowClient close.
     */
    private final int backlogLimit;
    private boolean backlogLogged;

    private volatile ClientState state = ClientState.STOPPED;
    private Transport transport;
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
    private volatile Integer lastCloseCode;
    private volatile long recoveries;
    private volatile long reconnections;
    private int failedAttempts;

    /** When the socket now open was opened, and whether it was a recovery: a recovery must prove itself stable. */
    private long socketOpenedNanos;
    private boolean socketIsRecovery;
    private boolean socketCarriedNewMessage;
    /** When the current run of recovery attempts began: the first drop, not the latest. 0 when none runs. */
    private long recoveryStartedNanos;
    private long lastRecoveryAttemptNanos;

    /** A recovered socket is open, but the service has not yet shown that it accepted the recovery. */
    private boolean awaitingRecoveryConfirmation;
    /** Why the socket dropped at the start of the current run of recovery attempts, for the final report. */
    private String dropReason;
    /** Why the last connection ended, until a new one is up. */
    private String endedBecause;

    private long attemptTimer = -1;
    private long connectedTimer = -1;

    private CompletableFuture<Void> started;
    private CompletableFuture<Void> stopped;
    private String stopReason;

    ConnectionStateMachine(WebPubSubClientOptions options, Vertx vertx, Context context, Executor completions,
            TransportFactory transports, RequestSender sender, Invocations invocations, Inbox inbox,
            EventDelivery delivery, GroupSet groups, StatePersistence persistence, ConnectionRecord record) {
        this.options = options;
        this.vertx = vertx;
        this.context = context;
        this.completions = completions;
        this.reliable = options.getProtocol().reliable();
        this.transports = transports;
        this.sender = sender;
        this.invocations = invocations;
        this.inbox = inbox;
        this.delivery = delivery;
        this.groups = groups;
        this.reconnectBackoff = new Backoff(options.getReconnectDelay(), options.getMaxReconnectDelay());
        this.backlogLimit = !reliable ? options.getReceiveQueueCapacity()
                : options.getAckMode() == io.github.webpubsub.client.AckMode.ON_RECEIPT ? options.getReceiveBufferMessages()
                : WebPubSubClientOptions.SERVICE_UNACKED_LIMIT;
        this.persistence = persistence;
        this.record = record;
    }

    ClientState state() {
        return state;
    }

    String connectionId() {
        return connectionId;
    }

    String userId() {
        return userId;
    }

    String lastProblem() {
        return lastProblem;
    }

    Integer lastCloseCode() {
        return lastCloseCode;
    }

    long recoveries() {
        return recoveries;
    }

    long reconnections() {
        return reconnections;
    }

    /** Whether requests can be accepted: the client is started and not stopping. */
    boolean accepting() {
        return state != ClientState.STOPPED && state != ClientState.STOPPING;
    }

    // ---- start and stop ----------------------------------------------------------------------------------------

    /**
     * Starts connecting; the stage completes at the first {@code connected}, or fails if the client stops first.
     * While stopping, it starts once the stop has finished.
     */
    CompletableFuture<Void> start() {
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
        recoveryStartedNanos = 0;
        inbox.start();
        moveTo(ClientState.CONNECTING, "start requested");
        if (persistence != null && persistence.enabled()) {
            takeStoredConnection();
        } else {
            openNewConnection();
        }
        return started;
    }

    /**
     * Closes the connection and cancels any attempt scheduled; idempotent, and while stopping it returns the stop
     * under way. The stage completes once the client is stopped.
     */
    CompletableFuture<Void> stop() {
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
        cancelTimer(attemptTimer);
        attemptTimer = -1;
        int closing = ++generation;
        Transport open = transport;
        boolean leave = open != null && lockHeld && persistence.enabled() && connectionId != null
                && reconnectionToken != null && !awaitingConnected && !awaitingRecoveryConfirmation && !resuming;
        if (leave) {
            leave(open, closing);
            return;
        }
        if (open != null) {
            open.close(NORMAL_CLOSURE, "Client stopped").onComplete(ar -> {
                if (closing == generation) {
                    finishStop();
                }
            });
        } else {
            finishStop();
        }
    }

    /**
     * Leaves the connection for the next process: waits (bounded) for the listeners to finish what they were handed,
     * acknowledges exactly that, writes the state, and closes with 1001, which keeps the connection recoverable.
     * What arrives meanwhile is not delivered and not acknowledged: the next process gets it.
     */
    private void leave(Transport open, int closing) {
        boolean[] done = new boolean[1];
        Runnable leaveNow = () -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            cancelTimer(attemptTimer);
            attemptTimer = -1;
            inbox.flushHandled();
            int held = inbox.discardHeld();
            record.save();
            LOG.info("Leaving connection {} for the next start to take back ({} acknowledged, {} received and left"
                    + " for it; state in {})", connectionId, record.acked(), held, persistence.describe());
            open.close(GOING_AWAY, "Client going away").onComplete(ar -> {
                if (closing == generation) {
                    finishStop();
                }
            });
        };
        attemptTimer = vertx.setTimer(LEAVE_DRAIN_MILLIS, t -> {
            attemptTimer = -1;
            if (!done[0]) {
                LOG.warn("The listeners of connection {} were still busy after {} ms: leaving without their acks; the"
                        + " next start gets those messages again", connectionId, LEAVE_DRAIN_MILLIS);
                leaveNow.run();
            }
        });
        inbox.quiesce(leaveNow);
    }

    private void finishStop() {
        cancelTimer(connectedTimer);
        connectedTimer = -1;
        transport = null;
        inbox.stop();
        sender.failAll(SendFailedException.STOPPED, stopReason);
        invocations.failAll(InvocationFailedException.STOPPED, stopReason);
        if (connectionId != null) {
            delivery.emit(new WebPubSubEvent.Disconnected(connectionId, userId, (int) NORMAL_CLOSURE, stopReason));
        }
        WebPubSubEvent.Stopped event = new WebPubSubEvent.Stopped(connectionId, userId, stopReason);
        clearConnection();
        delivery.emit(event);
        moveTo(ClientState.STOPPED, stopReason);
        if (!started.isDone()) {
            IllegalStateException failure = new IllegalStateException("The client stopped before connecting: " + stopReason);
            CompletableFuture<Void> start = started;
            completions.execute(() -> start.completeExceptionally(failure));
        }
        resuming = false;
        lockWaitLogged = false;
        CompletableFuture<Void> done = stopped;
        if (lockHeld) {
            // Stopped means the lock is free again, for another client or this one's next start.
            lockHeld = false;
            persistence.unlock().whenComplete((v, e) -> done.complete(null));
        } else {
            completions.execute(() -> done.complete(null));
        }
    }

    // ---- a connection left by the previous process -------------------------------------------------------------

    /** Takes the state store's lock, then the connection it names if it can still be recovered. */
    private void takeStoredConnection() {
        int attempt = ++generation;
        persistence.tryLock().thenAccept(locked -> context.runOnContext(v -> {
            if (attempt != generation || !connecting()) {
                if (locked && !lockHeld) {
                    persistence.unlock();
                }
                return;
            }
            if (!locked) {
                lockHeldElsewhere();
                return;
            }
            lockHeld = true;
            persistence.load().thenAccept(stored -> context.runOnContext(x -> {
                if (attempt == generation && connecting()) {
                    resumeOrOpen(stored.orElse(null));
                }
            }));
        }));
    }

    private void lockHeldElsewhere() {
        if (options.getStateLockMode() == StateLockMode.NEW_CONNECTION) {
            LOG.info("The connection state in {} is held by another live client: opening a connection of its own,"
                    + " without it (stateLockMode NEW_CONNECTION)", persistence.describe());
            persistence.disable();
            openNewConnection();
            return;
        }
        if (!lockWaitLogged) {
            LOG.info("The connection state in {} is held by another live client: waiting for it (stateLockMode WAIT)",
                    persistence.describe());
            lockWaitLogged = true;
        }
        scheduleAttempt(options.getRecoveryDelay().toMillis(), this::takeStoredConnection);
    }

    private void resumeOrOpen(ConnectionState stored) {
        if (stored == null) {
            openNewConnection();
            return;
        }
        Duration age = Duration.between(stored.updatedAt(), Instant.now());
        if (age.compareTo(options.getRecoveryWindow()) >= 0) {
            LOG.info("The stored connection {} was last written {} s ago, past the recovery window of {} s: opening a"
                    + " new connection", stored.connectionId(), age.toSeconds(), options.getRecoveryWindow().toSeconds());
            persistence.clear();
            openNewConnection();
            return;
        }
        resuming = true;
        identify(stored.connectionId(), stored.userId(), stored.reconnectionToken());
        resumedAcked = stored.ackedSequenceId();
        // The service's window runs from the drop; the last write is the closest this process knows.
        recoveryStartedNanos = System.nanoTime() - Math.max(0, age.toNanos());
        lastRecoveryAttemptNanos = System.nanoTime() - options.getRecoveryDelay().toNanos();
        dropReason = "the previous process ended";
        LOG.info("Taking back connection {} from {} (written {} ms ago, {} acknowledged)", connectionId,
                persistence.describe(), age.toMillis(), resumedAcked);
        withClientAccessUrl(++generation, url -> recover(),
                why -> connectionEnded(null, "no client access URL to recover it with: " + why));
    }

    /** The service took the stored connection back: for this process it is the first connection. */
    private void resumeConfirmed(int attempt) {
        resuming = false;
        failedAttempts = 0;
        recoveryStartedNanos = 0;
        dropReason = null;
        endedBecause = null;
        record.ackedUpTo(resumedAcked);
        inbox.resumeConnection(resumedAcked);
        inbox.hold();
        moveTo(ClientState.CONNECTED, "connection " + connectionId + " taken back from " + persistence.describe()
                + "; the service sends again what was not acknowledged");
        inbox.attach(transport);
        record.save();
        rejoinThenAnnounce(attempt);
    }

    // ---- opening sockets ---------------------------------------------------------------------------------------

    private void openNewConnection() {
        if (inbox.waiting() >= backlogLimit) {
            if (!backlogLogged) {
                LOG.warn("{} received messages still wait for the listeners: the new connection waits until they are"
                        + " below {}", inbox.waiting(), backlogLimit);
                backlogLogged = true;
            }
            scheduleAttempt(BACKLOG_CHECK_MILLIS, this::openNewConnection);
            return;
        }
        backlogLogged = false;
        int attempt = ++generation;
        recoveryAttempt = false;
        withClientAccessUrl(attempt, url -> connect(url, attempt, false),
                why -> connectFailed(new IllegalStateException("No client access URL: " + why), false));
    }

    /**
     * Asks the credential for a client access URL and, back on the event loop and if this attempt is still the
     * current one, keeps it as the connection's URL and goes on with it, or with why there is none.
     */
    private void withClientAccessUrl(int attempt, Consumer<String> onUrl, Consumer<String> onNone) {
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
                onNone.accept(error == null ? "the provider returned no URL" : Failures.describe(error));
                return;
            }
            connectionUrl = clientAccessUrl;
            onUrl.accept(clientAccessUrl);
        }));
    }

    private void recover() {
        int attempt = ++generation;
        recoveryAttempt = true;
        lastRecoveryAttemptNanos = System.nanoTime();
        LOG.info("Recovering connection {}", connectionId);
        connect(RecoveryUrl.of(connectionUrl, connectionId, reconnectionToken), attempt, true);
    }

    private void connect(String url, int attempt, boolean recovery) {
        transports.open(url, new SocketEvents(attempt)).onComplete(ar -> {
            if (attempt != generation || !connecting()) {
                if (ar.succeeded()) {
                    ar.result().abandon();
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

    private void opened(Transport socket, int attempt, boolean recovery) {
        transport = socket;
        socketOpenedNanos = System.nanoTime();
        socketIsRecovery = recovery;
        socketCarriedNewMessage = false;
        if (recovery) {
            // A service that refuses a recovery accepts the socket and closes it at once (1008). Nothing counts as
            // recovered, and nothing queued is written, until the service shows otherwise: any frame but
            // "disconnected", or the socket staying open for a recovery delay.
            awaitingRecoveryConfirmation = true;
            connectedTimer = vertx.setTimer(options.getRecoveryDelay().toMillis(), t -> {
                connectedTimer = -1;
                if (attempt == generation) {
                    recoveryConfirmed();
                }
            });
        } else {
            // A new connection numbers its messages from 1: nothing acknowledged on an earlier one (before a stop
            // and start, say) may be repeated on this socket.
            inbox.newConnection();
            inbox.attach(socket);
            awaitingConnected = true;
            connectedTimer = vertx.setTimer(options.getConnectTimeout().toMillis(), t -> {
                connectedTimer = -1;
                if (attempt == generation && awaitingConnected) {
                    abandonSocket("the service sent no 'connected' message within " + options.getConnectTimeout());
                }
            });
        }
    }

    private void recoveryConfirmed() {
        if (!awaitingRecoveryConfirmation) {
            return;
        }
        awaitingRecoveryConfirmation = false;
        cancelTimer(connectedTimer);
        connectedTimer = -1;
        if (resuming) {
            resumeConfirmed(generation);
            return;
        }
        failedAttempts = 0;
        recoveries++;
        moveTo(ClientState.CONNECTED, "connection " + connectionId + " recovered");
        inbox.attach(transport);
        sender.attach(transport);
        invocations.attach(transport);
        delivery.emit(new WebPubSubEvent.Recovered(connectionId, userId));
    }

    private void connectFailed(Throwable cause, boolean recovery) {
        transport = null;
        // While reconnecting, why the connection ended stays in front: it is what an operator needs to see.
        lastProblem = (endedBecause == null ? "" : endedBecause + "; then ") + Failures.describe(cause);
        if (recovery) {
            if (recoveryWindowOpen()) {
                LOG.info("Recovery of connection {} failed ({}); trying again", connectionId, Failures.describe(cause));
                scheduleRecovery();
            } else {
                connectionEnded(null, "could not be recovered within " + options.getRecoveryWindow() + ": "
                        + Failures.describe(cause));
            }
            return;
        }
        int status = Failures.rejectedStatus(cause);
        if (status == 401 || status == 403) {
            String reason = "The service rejected the credential (HTTP " + status + ")" + Failures.rejectionDetail(cause);
            // What health checks show: the stop's own words, rather than the exception's.
            lastProblem = (endedBecause == null ? "" : endedBecause + "; then ") + reason;
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
            String reason = "Could not connect after " + failedAttempts + " attempt(s): " + Failures.describe(cause);
            LOG.error("{}; stopping", reason);
            beginStop(reason);
            return;
        }
        long delay = reconnectBackoff.delayMillis(failedAttempts);
        LOG.warn("Connection attempt {} failed ({}); next in {} ms", failedAttempts, Failures.describe(cause), delay);
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

    /** The next recovery attempt, never sooner than the recovery delay after the one before. */
    private void scheduleRecovery() {
        long sinceLast = System.nanoTime() - lastRecoveryAttemptNanos;
        long waitNanos = Math.max(0, options.getRecoveryDelay().toNanos() - sinceLast);
        scheduleAttempt(waitNanos / 1_000_000, this::recover);
    }

    // ---- frames, routed by the transport -----------------------------------------------------------------------

    /** What one socket reports; stale once a later attempt has begun. */
    private final class SocketEvents implements TransportListener {
        private final int attempt;

        SocketEvents(int attempt) {
            this.attempt = attempt;
        }

        private boolean current() {
            return attempt == generation;
        }

        /** Whether this socket is current; a frame from the service on a recovered socket confirms the recovery. */
        private boolean currentAndConfirmed() {
            if (!current()) {
                return false;
            }
            recoveryConfirmed();
            return true;
        }

        @Override
        public void onConnected(ServerFrame.Connected connected) {
            if (currentAndConfirmed()) {
                connectedFrame(connected, attempt);
            }
        }

        @Override
        public void onDisconnectedNotice(ServerFrame.Disconnected disconnected) {
            if (current()) {
                disconnectReason = disconnected.message();
                LOG.info("The service is closing connection {}: {}", connectionId, disconnectReason);
            }
        }

        @Override
        public void onAck(ServerFrame.Ack ack) {
            if (currentAndConfirmed()) {
                sender.onAck(ack);
            }
        }

        @Override
        public void onMessage(ServerFrame.Message message) {
            if (currentAndConfirmed()) {
                if (inbox.onMessage(message, connectionId, userId)) {
                    socketCarriedNewMessage = true;
                }
            }
        }

        @Override
        public void onInvokeResponse(ServerFrame.InvokeResponse response) {
            if (currentAndConfirmed()) {
                invocations.onResponse(response);
            }
        }

        @Override
        public void onMalformed(MalformedFrameException malformed) {
            if (currentAndConfirmed()) {
                inbox.onMalformed(malformed, connectionId);
            }
        }

        @Override
        public void onWritable() {
            if (current()) {
                sender.onWritable();
                invocations.onWritable();
            }
        }

        @Override
        public void onClosed(Integer closeCode, String reason) {
            if (current()) {
                String why = disconnectReason != null ? disconnectReason : reason;
                socketGone(closeCode, why);
            }
        }
    }

    private void connectedFrame(ServerFrame.Connected connected, int attempt) {
        if (!awaitingConnected) {
            // The service may announce a recovered connection again, with a fresh token: the same connection.
            if (!connected.connectionId().equals(connectionId)) {
                LOG.warn("Ignored a 'connected' frame for connection {} on connection {}", connected.connectionId(),
                        connectionId);
            } else if (connected.reconnectionToken() != null) {
                identify(connectionId, userId == null ? connected.userId() : userId, connected.reconnectionToken());
                record.save();
                LOG.debug("Connection {} confirmed, with a new reconnection token", connectionId);
            } else if (reliable) {
                LOG.warn("Connection {} was announced again without a reconnection token; keeping the one it had",
                        connectionId);
            }
            return;
        }
        awaitingConnected = false;
        cancelTimer(connectedTimer);
        connectedTimer = -1;
        identify(connected.connectionId(), connected.userId(), connected.reconnectionToken());
        if (reliable && reconnectionToken == null) {
            LOG.warn("Connection {} came without a reconnection token: a drop will need a new connection", connectionId);
        }
        failedAttempts = 0;
        recoveryStartedNanos = 0;
        endedBecause = null;
        record.ackedUpTo(0);
        if (reconnectionToken != null) {
            record.save();
        }
        inbox.newConnection();
        // Messages that arrive while the groups are joined again wait, so that "connected" reaches listeners first.
        inbox.hold();
        moveTo(ClientState.CONNECTED, "connection " + connectionId + (userId == null ? "" : " for user " + userId));
        rejoinThenAnnounce(attempt);
    }

    /**
     * The first connection of this client's run, or a new one: the groups are joined again ahead of what waits to be
     * sent, then {@code connected} goes to the listeners, then the messages held meanwhile, then the start completes.
     */
    private void rejoinThenAnnounce(int attempt) {
        CompletionStage<Void> rejoined = options.isAutoRejoinGroups() ? rejoinGroups()
                : CompletableFuture.completedFuture(null);
        sender.attach(transport);
        invocations.attach(transport);
        WebPubSubEvent.Connected event = new WebPubSubEvent.Connected(connectionId, userId);
        rejoined.whenComplete((v, e) -> context.runOnContext(x -> {
            if (attempt == generation) {
                delivery.emit(event);
                inbox.release();
                CompletableFuture<Void> start = started;
                completions.execute(() -> start.complete(null));
            }
        }));
    }

    /** Joins the application's groups again on a new connection; each failure is reported before "connected". */
    private CompletionStage<Void> rejoinGroups() {
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        String connection = connectionId;
        String user = userId;
        List<String> wanted = groups.snapshot();
        // Ahead of the queue, last first, so that they go out in the order they were joined.
        for (int i = wanted.size() - 1; i >= 0; i--) {
            String group = wanted.get(i);
            CompletableFuture<SendResult> join = new CompletableFuture<>();
            sender.submitAhead(ackId -> new ClientFrame.JoinGroup(group, ackId), join);
            joins.add(join.handle((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not join group '{}' again: {}", group, error.getMessage());
                    delivery.emit(new WebPubSubEvent.RejoinGroupFailed(connection, user, group, error));
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new));
    }

    // ---- losing sockets ----------------------------------------------------------------------------------------

    /**
     * Gives up on a socket that never became a connection in time: it counts as dropped. Its TCP connection is not
     * waited for.
     */
    private void abandonSocket(String why) {
        Transport stale = transport;
        generation++;
        LOG.warn("Abandoning the socket of connection {}: {}", connectionId, why);
        if (stale != null) {
            stale.abandon();
        }
        socketGone(null, why);
    }

    private void socketGone(Integer code, String why) {
        transport = null;
        lastProblem = why + (code == null ? "" : " (close code " + code + ")");
        lastCloseCode = code;
        disconnectReason = null;
        cancelTimer(connectedTimer);
        connectedTimer = -1;
        awaitingRecoveryConfirmation = false;
        inbox.detach();
        inbox.release();
        sender.detach();
        invocations.detach(why + (code == null ? "" : ", close code " + code));
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
            if (recoveryStartedNanos == 0 || recoveredSocketWasStable()) {
                // A fresh drop: the first attempt goes at once. A recovered socket that closed again at once
                // continues the old run of attempts instead, spaced and within the old window.
                recoveryStartedNanos = System.nanoTime();
                lastRecoveryAttemptNanos = recoveryStartedNanos - options.getRecoveryDelay().toNanos();
            }
            // Why a connected socket went is the news, even when it continues an old run of attempts.
            dropReason = why + (code == null ? "" : " (close code " + code + ")");
        }
        if (recoverable(code)) {
            if (wasConnected) {
                moveTo(ClientState.RECOVERING, "connection " + connectionId + " dropped (" + why + ")");
                delivery.emit(new WebPubSubEvent.Recovering(connectionId, userId, code, why));
            }
            scheduleRecovery();
        } else {
            connectionEnded(code, why);
        }
    }

    /**
     * A recovered socket proves itself by carrying a new message, or by staying open for a recovery delay. The
     * redelivery of messages received before proves nothing: a message the socket cannot take (past the frame size
     * limit, say) would otherwise make a recovery, its redelivery and a drop, at once and for ever.
     */
    private boolean recoveredSocketWasStable() {
        return !socketIsRecovery || socketCarriedNewMessage
                || System.nanoTime() - socketOpenedNanos >= options.getRecoveryDelay().toNanos();
    }

    private boolean recoverable(Integer code) {
        return reliable && connectionId != null && reconnectionToken != null && connectionUrl != null
                && (code == null || code != POLICY_VIOLATION) && recoveryWindowOpen();
    }

    private boolean recoveryWindowOpen() {
        return recoveryStartedNanos != 0
                && System.nanoTime() - recoveryStartedNanos < options.getRecoveryWindow().toNanos();
    }

    /** The connection is gone for good: tell the listeners, then open a new one or stop. */
    private void connectionEnded(Integer code, String finding) {
        if (resuming) {
            // Never this process's connection: no event, one line, and a connection of its own.
            resuming = false;
            LOG.info("The stored connection {} could not be taken back ({}{}): opening a new connection", connectionId,
                    finding, code == null ? "" : ", close code " + code);
            clearConnection();
            dropReason = null;
            recoveryStartedNanos = 0;
            persistence.clear();
            openNewConnection();
            return;
        }
        if (persistence != null) {
            persistence.clear();
        }
        // After a failed recovery, the first reason (SlowClient, the network) is the one that matters.
        String why = recoveryStartedNanos != 0 && dropReason != null && !dropReason.startsWith(finding)
                ? dropReason + "; then " + finding : finding;
        dropReason = null;
        endedBecause = "connection " + connectionId + " ended: " + why + (code == null ? "" : " (close code " + code + ")");
        lastProblem = endedBecause;
        LOG.info("Connection {} ended: {}", connectionId, why);
        delivery.emit(new WebPubSubEvent.Disconnected(connectionId, userId, code, why));
        clearConnection();
        inbox.newConnection();
        recoveryStartedNanos = 0;
        if (!options.isAutoReconnect()) {
            beginStop("Connection ended (" + why + ") and autoReconnect is off");
            return;
        }
        reconnections++;
        moveTo(ClientState.RECONNECTING, "opening a new connection");
        scheduleAttempt(reconnectBackoff.delayMillis(1), this::openNewConnection);
    }

    private void clearConnection() {
        identify(null, null, null);
        awaitingConnected = false;
    }

    /** The current connection is now this one, for the state machine and for the record the store keeps. */
    private void identify(String id, String user, String token) {
        connectionId = id;
        userId = user;
        reconnectionToken = token;
        record.identify(id, user, token);
    }

    private void cancelTimer(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void moveTo(ClientState next, String why) {
        if (state != next) {
            LOG.info("{} -> {}: {}", state, next, why);
            state = next;
        }
    }
}
