package io.github.webpubsub.emulator;

import java.time.Duration;
import java.util.function.Consumer;

import io.github.webpubsub.emulator.fault.AckFault;
import io.github.webpubsub.emulator.fault.FaultPlan;
import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.hub.ConnectionLifecycle;

/**
 * Fault injection: the failures a real service produces only now and then, on demand. Ack and handshake faults apply
 * to the next requests of any connection, in the order they were armed; connection faults act at once.
 */
public final class Faults {

    /** A count meaning "until {@link #clear()}". */
    public static final int UNTIL_CLEARED = FaultPlan.UNTIL_CLEARED;

    private final FaultPlan plan;
    private final ConnectionLifecycle lifecycle;
    private final EventLoop loop;

    /** The connection faults act on the lifecycle, on its event loop; the others are armed in the plan. */
    Faults(FaultPlan plan, ConnectionLifecycle lifecycle, EventLoop loop) {
        this.plan = plan;
        this.lifecycle = lifecycle;
        this.loop = loop;
    }

    /** The next {@code count} requests with an ackId are carried out, but their acks are never sent. */
    public Faults withholdAcks(int count) {
        plan.armAcks(new AckFault.Withhold(), count);
        return this;
    }

    /** The next {@code count} requests with an ackId are carried out and acked after {@code delay}. */
    public Faults delayAcks(Duration delay, int count) {
        plan.armAcks(new AckFault.Delay(delay), count);
        return this;
    }

    /**
     * The next {@code count} requests with an ackId are not carried out and are answered with a negative ack of
     * this error name ({@code InternalServerError}, {@code Forbidden}, ...). Their ackIds stay unused, so a retry
     * with the same ackId is carried out.
     */
    public Faults failAcks(String errorName, int count) {
        return failAcks(errorName, "Injected fault.", count);
    }

    /** As {@link #failAcks(String, int)}, with the error message to send. */
    public Faults failAcks(String errorName, String message, int count) {
        plan.armAcks(new AckFault.Fail(errorName, message), count);
        return this;
    }

    /** The next {@code count} recoveries are accepted and then closed with 1008, as for an expired connection. */
    public Faults refuseRecoveries(int count) {
        plan.refuseRecoveries(count);
        return this;
    }

    /** The next {@code count} new-connection handshakes are refused with this HTTP status (401, 403, 429, 503...). */
    public Faults refuseUpgrades(int httpStatus, int count) {
        plan.refuseUpgrades(httpStatus, count);
        return this;
    }

    /** Disarms every armed ack, recovery and handshake fault. */
    public Faults clear() {
        plan.clear();
        return this;
    }

    /**
     * Cuts the connection's TCP socket without a close frame, as a network failure would. A reliable connection can
     * then be recovered.
     *
     * @return false when there is no such connection
     */
    public boolean drop(String hub, String connectionId) {
        return onConnection(hub, connectionId, lifecycle::drop);
    }

    /**
     * Closes the connection for good: a {@code disconnected} message with the reason, then a close frame with the code.
     * A recovery of it is refused.
     *
     * @return false when there is no such connection
     */
    public boolean close(String hub, String connectionId, int code, String reason) {
        return onConnection(hub, connectionId, c -> lifecycle.closeByFault(c, (short) code, reason));
    }

    /**
     * Stops answering the connection: nothing more is read from or written to its socket, not even WebSocket pongs,
     * while the TCP connection stays open. Messages for it are still buffered, for a recovery.
     *
     * @return false when there is no such connection
     */
    public boolean silence(String hub, String connectionId) {
        return onConnection(hub, connectionId, lifecycle::silence);
    }

    private boolean onConnection(String hub, String connectionId, Consumer<ClientConnection> action) {
        return loop.call(() -> {
            ClientConnection c = lifecycle.hubs().hub(hub).connection(connectionId);
            if (c == null || c.state() == ClientConnection.State.CLOSED) {
                return false;
            }
            action.accept(c);
            return true;
        });
    }
}
