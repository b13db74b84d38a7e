package io.github.webpubsub.client;

import java.time.Instant;
import java.util.Objects;

/**
 * What a client needs to take a reliable connection back after its process restarted: the connection, the token
 * that recovers it, and the highest sequenceId it has acknowledged to the service.
 *
 * @param connectionId      the service's id of the connection
 * @param userId            the connection's user, or {@code null} if it has none
 * @param reconnectionToken the token that recovers it; a secret, as an access token is
 * @param ackedSequenceId   the highest sequenceId acknowledged to the service; messages up to it are duplicates
 *                          when the service sends them again
 * @param updatedAt         when the client last wrote this state
 */
public record ConnectionState(String connectionId, String userId, String reconnectionToken, long ackedSequenceId,
        Instant updatedAt) {

    /** Checks the fields. */
    public ConnectionState {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(reconnectionToken, "reconnectionToken");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (ackedSequenceId < 0) {
            throw new IllegalArgumentException("ackedSequenceId must not be negative, was " + ackedSequenceId);
        }
    }

    /** Never the token: states end up in logs. */
    @Override
    public String toString() {
        return "ConnectionState[connectionId=" + connectionId + ", userId=" + userId + ", ackedSequenceId="
                + ackedSequenceId + ", updatedAt="
                + updatedAt + "]";
    }
}
