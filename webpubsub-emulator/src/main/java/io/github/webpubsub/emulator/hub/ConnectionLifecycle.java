package io.github.webpubsub.emulator.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.emulator.auth.Permissions;
import io.github.webpubsub.emulator.auth.TokenClaims;
import io.github.webpubsub.emulator.protocol.ServerFrames;
import io.github.webpubsub.emulator.protocol.Subprotocol;
import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

/**
 * Opens, recovers, detaches and ends connections: the part of the service that decides what a dropped socket means.
 * A reliable connection whose socket drops is kept for the recovery window with its groups and unacked messages; a
 * connection the service closes is gone for good, and its recovery is refused with 1008.
 */
public final class ConnectionLifecycle {

    /** The close code that tells SDKs not to try a recovery. */
    public static final short POLICY_VIOLATION = 1008;
    public static final String NOT_RECOVERABLE = "The connection could not be recovered.";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final NetworkFaults network;
    private final Duration recoveryWindow;
    private final int bufferMessages;
    private final long bufferBytes;
    private final HubRegistry hubs;
    private final TraceSink trace;
    private ConnectionObserver observer;

    public ConnectionLifecycle(Vertx vertx, NetworkFaults network, Duration recoveryWindow, int bufferMessages,
            long bufferBytes, TraceSink trace) {
        this.vertx = vertx;
        this.trace = trace;
        this.network = network;
        this.recoveryWindow = recoveryWindow;
        this.bufferMessages = bufferMessages;
        this.bufferBytes = bufferBytes;
        this.hubs = new HubRegistry(this);
    }

    public HubRegistry hubs() {
        return hubs;
    }

    /** Where the hubs and connections report to the live trace. */
    public TraceSink trace() {
        return trace;
    }

    public void observer(ConnectionObserver observer) {
        this.observer = observer;
    }

    /** A new connection: joins the token's groups, then tells the client it is connected. */
    public ClientConnection open(Hub hub, ServerWebSocket socket, Subprotocol protocol, TokenClaims claims) {
        ReliableBuffer buffer = protocol.reliable() ? new ReliableBuffer(bufferMessages, bufferBytes) : null;
        ClientConnection connection = new ClientConnection(randomId(16), hub, claims.userId(), protocol,
                new Permissions(claims.roles()), buffer, trace);
        if (protocol.reliable()) {
            connection.reconnectionToken(randomId(32));
        }
        connection.attach(socket);
        if (trace.active()) {
            trace.publish(connection.traceEntry(TraceKind.CONNECTED).with("subprotocol", protocol.id()));
        }
        hub.add(connection);
        claims.groups().forEach(g -> hub.join(connection, g));
        connection.sendControl(ServerFrames.connected(connection.id(), connection.userId(), connection.reconnectionToken()));
        LOG.info("Connection {} opened in hub {} (user {}, {})", connection.id(), hub.name(), connection.userId(),
                protocol.id());
        observer.connected(connection);
        return connection;
    }

    /**
     * Attaches a new socket to a dropped reliable connection, with a fresh reconnection token, and redelivers what
     * the client has not acked.
     *
     * @param  protocol the subprotocol of the new socket: only the reliable one, the connection's own, recovers
     * @return          the connection, or {@code null} when it cannot be recovered
     */
    public ClientConnection recover(Hub hub, String connectionId, String reconnectionToken, Subprotocol protocol,
            ServerWebSocket socket) {
        ClientConnection connection = hub.connection(connectionId);
        String refusal = connection == null || connection.state() == ClientConnection.State.CLOSED
                ? "No such connection, or it has ended."
                : !protocol.reliable() || connection.protocol() != protocol ? "Only the reliable subprotocol recovers."
                : !constantTimeEquals(connection.reconnectionToken(), reconnectionToken) ? "Wrong reconnection token." : null;
        if (refusal != null) {
            traceRefusedRecovery(hub, connectionId, refusal);
            return null;
        }
        ServerWebSocket stale = connection.socket();
        if (stale != null) {
            // The client noticed the drop before we did (or gave up on a silent socket): retire the old socket.
            connection.detach();
            cut(stale);
        }
        cancelExpiry(connection);
        connection.attach(socket);
        connection.reconnectionToken(randomId(32));
        connection.sendControl(ServerFrames.connected(connection.id(), connection.userId(), connection.reconnectionToken()));
        if (trace.active()) {
            trace.publish(connection.traceEntryWithUnacked(TraceKind.RECOVERY).with("outcome", "recovered")
                    .with("redelivered", connection.unackedCount()));
        }
        connection.redeliverUnacked();
        LOG.info("Connection {} in hub {} recovered; {} unacked messages redelivered", connection.id(), hub.name(),
                connection.unackedCount());
        return connection;
    }

    /** A recovery that is refused, by this lifecycle or by an injected fault. */
    public void traceRefusedRecovery(Hub hub, String connectionId, String reason) {
        if (trace.active()) {
            trace.publish(TraceEvent.of(TraceKind.RECOVERY).connection(hub.name(), connectionId, null).with("outcome", "refused")
                    .with("reason", reason));
        }
    }

    /** The socket of a connection closed, by the client or by the network. */
    public void socketClosed(ClientConnection connection, ServerWebSocket socket, Short closeCode) {
        if (connection.socket() != socket || connection.state() != ClientConnection.State.CONNECTED) {
            return;
        }
        // Vert.x may report a status for a socket whose TCP connection we cut ourselves; that was no close frame.
        boolean normalClose = closeCode != null && closeCode == 1000 && !connection.wasCut(socket);
        if (connection.protocol().reliable() && !normalClose) {
            connection.detach();
            long timer = vertx.setTimer(recoveryWindow.toMillis(), t -> expire(connection));
            connection.expiryTimer(timer);
            if (trace.active()) {
                trace.publish(connection.traceEntryWithUnacked(TraceKind.DROPPED).with("code", closeCode)
                        .with("recoverableForSeconds", recoveryWindow.toSeconds()));
            }
            LOG.info("Connection {} in hub {} dropped (close code {}); recoverable for {} s", connection.id(),
                    connection.hub().name(), closeCode, recoveryWindow.toSeconds());
        } else {
            finish(connection, closeCode == null ? "The connection dropped." : "Closed by the client (" + closeCode + ").",
                    closeCode);
        }
    }

    /**
     * Ends a connection for good: tells the client why in a {@code disconnected} message, closes its socket with the
     * code, and forgets it.
     */
    public void close(ClientConnection connection, short code, String reason) {
        if (connection.state() == ClientConnection.State.CLOSED) {
            return;
        }
        ServerWebSocket socket = connection.socket();
        if (socket != null) {
            connection.sendControl(ServerFrames.disconnected(reason));
            socket.close(code, truncateReason(reason));
        }
        finish(connection, reason, code);
    }

    /** Ends a connection for good on a fault injection's request ({@code faults().close}, {@code :close}). */
    public void closeByFault(ClientConnection connection, short code, String reason) {
        traceFault(connection, "close", code);
        close(connection, code, reason);
    }

    /** The reliable buffer overflowed: the service closes such a connection and does not let it recover. */
    void closeSlowClient(ClientConnection connection) {
        LOG.warn("Connection {} in hub {} has too many unacked messages; closing it", connection.id(), connection.hub().name());
        close(connection, POLICY_VIOLATION, "SlowClient: the connection has more than " + bufferMessages
                + " unacked messages or " + bufferBytes + " bytes.");
    }

    /** Cuts the TCP connection without a close frame, as a network failure would. The connection stays recoverable. */
    public void drop(ClientConnection connection) {
        ServerWebSocket socket = connection.socket();
        if (socket != null) {
            LOG.info("Dropping the socket of connection {} in hub {}", connection.id(), connection.hub().name());
            traceFault(connection, "drop", null);
            connection.markCut(socket);
            cut(socket);
        }
    }

    private void traceFault(ClientConnection connection, String fault, Short code) {
        if (trace.active()) {
            trace.publish(connection.traceEntry(TraceKind.FAULT).with("action", "applied").with("fault", fault).with("code", code));
        }
    }

    /** Accepts a recovery we refuse, then closes it with 1008 as the service does. */
    public static void refuseRecovery(ServerWebSocket socket, Subprotocol protocol) {
        protocol.write(socket, ServerFrames.disconnected(NOT_RECOVERABLE));
        socket.close(POLICY_VIOLATION, NOT_RECOVERABLE);
    }

    private void expire(ClientConnection connection) {
        if (connection.state() == ClientConnection.State.DETACHED) {
            LOG.info("Connection {} in hub {} was not recovered within {} s", connection.id(), connection.hub().name(),
                    recoveryWindow.toSeconds());
            finish(connection, "Connection recovery timed out.", null);
        }
    }

    private void finish(ClientConnection connection, String reason, Short code) {
        if (trace.active()) {
            trace.publish(connection.traceEntryWithUnacked(TraceKind.DISCONNECTED).with("code", code).with("reason", reason));
        }
        cancelExpiry(connection);
        connection.hub().remove(connection);
        connection.markClosed();
        LOG.info("Connection {} in hub {} closed: {}", connection.id(), connection.hub().name(), reason);
        observer.disconnected(connection, reason);
    }

    private void cancelExpiry(ClientConnection connection) {
        if (connection.expiryTimer() >= 0) {
            vertx.cancelTimer(connection.expiryTimer());
            connection.expiryTimer(-1);
        }
    }

    private void cut(ServerWebSocket socket) {
        network.cut(socket);
    }

    /** Makes a connection's server go silent, below the WebSocket protocol. */
    public void silence(ClientConnection connection) {
        traceFault(connection, "silence", null);
        connection.silence(network);
    }

    private static String truncateReason(String reason) {
        // A close frame's reason must fit in 123 bytes.
        return reason.length() <= 100 ? reason : reason.substring(0, 100);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String randomId(int bytes) {
        byte[] buf = new byte[bytes];
        RANDOM.nextBytes(buf);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }
}
