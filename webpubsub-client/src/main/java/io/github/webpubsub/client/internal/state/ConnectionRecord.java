package io.github.webpubsub.client.internal.state;

/**
 * What the connection state store is to hold for the current connection: who it is, which the state machine sets,
 * and the highest sequenceId acknowledged to the service, which the inbox reports each time it writes a sequenceAck.
 * Both write down to it, and it writes to the {@link StatePersistence}, so the inbox never calls back up into the
 * state machine. Without a store it only keeps the figures. Event loop only.
 */
public final class ConnectionRecord {

    /** Where the record is written; null without a store. */
    private final StatePersistence persistence;
    private String connectionId;
    private String userId;
    private String reconnectionToken;
    private long acked;

    /** A record written to {@code persistence}, or kept only, when it is {@code null}. */
    public ConnectionRecord(StatePersistence persistence) {
        this.persistence = persistence;
    }

    /**
     * The current connection is now this one ({@code null}s: there is none). Nothing is written: the state machine
     * says when a connection is worth keeping.
     */
    public void identify(String connectionId, String userId, String reconnectionToken) {
        this.connectionId = connectionId;
        this.userId = userId;
        this.reconnectionToken = reconnectionToken;
    }

    /** Acknowledgements on the current connection start from {@code sequenceId}: 0 on a new one. */
    public void ackedUpTo(long sequenceId) {
        this.acked = sequenceId;
    }

    /** A sequenceAck for {@code sequenceId} went out: it is written with the connection it was written on. */
    public void acked(long sequenceId) {
        this.acked = sequenceId;
        save();
    }

    /** The highest sequenceId acknowledged on the current connection. */
    public long acked() {
        return acked;
    }

    /** Writes the record as it is now, soon and off the event loop. */
    public void save() {
        if (persistence != null) {
            persistence.save(connectionId, userId, reconnectionToken, acked);
        }
    }
}
