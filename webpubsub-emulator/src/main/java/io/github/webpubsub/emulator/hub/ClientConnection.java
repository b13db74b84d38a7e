package io.github.webpubsub.emulator.hub;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.webpubsub.emulator.auth.Permissions;
import io.github.webpubsub.emulator.protocol.OutboundMessage;
import io.github.webpubsub.emulator.protocol.Subprotocol;
import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;
import io.vertx.core.http.ServerWebSocket;

/**
 * One logical client connection. On the reliable protocol it outlives its socket: after a drop it is
 * {@link State#DETACHED} until a recovery attaches a new socket or the recovery window ends. Only the emulator's event
 * loop touches it.
 */
public final class ClientConnection {

    /** Where a connection is in its life. */
    public enum State {
        /** A socket is attached. */
        CONNECTED,
        /** The socket dropped; messages are buffered until a recovery or the end of the recovery window. */
        DETACHED,
        /** Gone for good: a recovery of it is refused. */
        CLOSED
    }

    /** How many ackIds a connection remembers for duplicate detection. */
    private static final int ACK_ID_MEMORY = 100_000;

    private final String id;
    private final Hub hub;
    private final String userId;
    private final Subprotocol protocol;
    private final Permissions permissions;
    private final Instant connectedAt = Instant.now();
    private final Set<String> groups = new LinkedHashSet<>();
    private final Set<Long> ackIds = Collections.newSetFromMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > ACK_ID_MEMORY;
        }
    });
    /** Invocations awaiting the event handler's answer; a cancelled one is removed, so its late answer is dropped. */
    private final Set<String> invocations = new HashSet<>();
    private final ReliableBuffer buffer;
    private final TraceSink trace;
    private String reconnectionToken;
    private ServerWebSocket socket;
    private State state = State.CONNECTED;
    private boolean silenced;
    private long expiryTimer = -1;
    private ServerWebSocket cutSocket;

    ClientConnection(String id, Hub hub, String userId, Subprotocol protocol, Permissions permissions,
            ReliableBuffer buffer, TraceSink trace) {
        this.trace = trace;
        this.id = id;
        this.hub = hub;
        this.userId = userId;
        this.protocol = protocol;
        this.permissions = permissions;
        this.buffer = buffer;
    }

    public String id() {
        return id;
    }

    public Hub hub() {
        return hub;
    }

    public String userId() {
        return userId;
    }

    public Subprotocol protocol() {
        return protocol;
    }

    public Permissions permissions() {
        return permissions;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public State state() {
        return state;
    }

    public List<String> groups() {
        return List.copyOf(groups);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }

    Set<String> mutableGroups() {
        return groups;
    }

    public ServerWebSocket socket() {
        return socket;
    }

    public String reconnectionToken() {
        return reconnectionToken;
    }

    public void reconnectionToken(String token) {
        this.reconnectionToken = token;
    }

    /** Records a processed ackId; false when it was processed before (a {@code Duplicate}). */
    public boolean recordAckId(long ackId) {
        return ackIds.add(ackId);
    }

    /** Forgets an ackId whose request failed, so that its retry is processed rather than taken for a duplicate. */
    public void forgetAckId(long ackId) {
        ackIds.remove(ackId);
    }

    /** How many invocations a connection may have waiting for the event handler at once. */
    public static final int MAX_INVOCATIONS = 1000;

    /**
     * Records an invocation that is starting.
     *
     * @return false when one with this id is already running, or {@link #MAX_INVOCATIONS} are
     */
    public boolean startInvocation(String invocationId) {
        return invocations.size() < MAX_INVOCATIONS && invocations.add(invocationId);
    }

    /** Whether an invocation is running. */
    public boolean invocationRunning(String invocationId) {
        return invocations.contains(invocationId);
    }

    /**
     * Ends an invocation, when it is answered or cancelled.
     *
     * @return false when it had already ended (cancelled): its answer must not be sent
     */
    public boolean endInvocation(String invocationId) {
        return invocations.remove(invocationId);
    }

    /** A live trace entry about this connection. */
    public TraceEvent.Builder traceEntry(TraceKind kind) {
        return TraceEvent.of(kind).connection(hub.name(), id, userId);
    }

    /** A live trace entry about this connection with its unacked count against the limit, on the reliable protocol. */
    public TraceEvent.Builder traceEntryWithUnacked(TraceKind kind) {
        TraceEvent.Builder entry = traceEntry(kind);
        return buffer == null ? entry : entry.unacked(buffer.size(), buffer.maxMessages());
    }

    /** Unacked messages buffered for this connection; 0 on the non-reliable protocol. */
    public int unackedCount() {
        return buffer == null ? 0 : buffer.size();
    }

    void attach(ServerWebSocket newSocket) {
        this.socket = newSocket;
        this.state = State.CONNECTED;
        this.silenced = false;
    }

    void detach() {
        this.socket = null;
        this.state = State.DETACHED;
    }

    void markClosed() {
        this.socket = null;
        this.state = State.CLOSED;
        this.groups.clear();
    }

    void markCut(ServerWebSocket socket) {
        this.cutSocket = socket;
    }

    boolean wasCut(ServerWebSocket socket) {
        return socket == cutSocket;
    }

    long expiryTimer() {
        return expiryTimer;
    }

    void expiryTimer(long timerId) {
        this.expiryTimer = timerId;
    }

    /**
     * Stops reading and writing on the socket: the client sees a server that no longer answers. The network faults
     * stop its bytes below the WebSocket protocol, so that not even pings are answered.
     */
    public void silence(NetworkFaults network) {
        silenced = true;
        if (socket != null) {
            socket.pause();
            network.silence(socket);
        }
    }

    public boolean silenced() {
        return silenced;
    }

    /**
     * Sends a data message. On the reliable protocol it is numbered and buffered first, so that it survives a drop.
     *
     * @return false when the reliable buffer overflowed and the connection must be closed
     */
    boolean deliver(OutboundMessage message) {
        if (state == State.CLOSED) {
            return true;
        }
        if (buffer == null) {
            boolean written = write(message.frame());
            traceDelivery(message, null, written);
            return true;
        }
        long sequenceId = buffer.nextSequenceId();
        String frame = message.frame(sequenceId);
        boolean withinLimit = buffer.add(sequenceId, frame, message.sizeInBytes());
        boolean written = withinLimit && write(frame);
        traceDelivery(message, sequenceId, written);
        return withinLimit;
    }

    /** {@code written} is false for a message only buffered: the socket is detached or silenced, or the buffer full. */
    private void traceDelivery(OutboundMessage message, Long sequenceId, boolean written) {
        if (trace.active()) {
            trace.publish(traceEntryWithUnacked(TraceKind.MESSAGE).with("direction", "out")
                    .with("from", message.group() == null ? "server" : "group").with("group", message.group())
                    .with("fromUserId", message.fromUserId()).data(message.payload()).with("sequenceId", sequenceId)
                    .with("written", written));
        }
    }

    /** Sends an ack, system message or pong; lost if no socket is attached, as on the real service. */
    public void sendControl(String frame) {
        write(frame);
    }

    public void onSequenceAck(long sequenceId) {
        if (buffer != null) {
            buffer.ackUpTo(sequenceId);
        }
    }

    /** Resends every unacked message, in order, with its original sequenceId. */
    void redeliverUnacked() {
        if (buffer != null) {
            buffer.forEachUnacked((sequenceId, frame) -> write(frame));
        }
    }

    private boolean write(String frame) {
        if (socket != null && !silenced && state == State.CONNECTED) {
            protocol.write(socket, frame);
            return true;
        }
        return false;
    }
}
