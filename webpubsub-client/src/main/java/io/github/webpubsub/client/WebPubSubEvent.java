package io.github.webpubsub.client;

/**
 * Everything a {@link WebPubSubClient} tells its listeners: messages and lifecycle changes, in the order they
 * happened. Each event carries what a listener needs to act on it, so a listener never has to ask the client for its
 * state.
 * <p>
 * Java 17 has no pattern matching for {@code switch}, so a listener tells the events apart with {@code instanceof};
 * the set is sealed, so nothing else can arrive.
 */
public sealed interface WebPubSubEvent {

    /**
     * A new connection is ready: the service sent {@code connected} and the client joined its groups again. Not
     * raised after a recovery, which keeps the connection.
     *
     * @param connectionId the service's id for the connection
     * @param userId       the user of the connection, or {@code null}
     */
    record Connected(String connectionId, String userId) implements WebPubSubEvent {
    }

    /**
     * A connection ended and could not be recovered; the client opens a new one unless it stops.
     *
     * @param connectionId the connection that ended, or {@code null} if it never connected
     * @param userId       its user, or {@code null}
     * @param closeCode    the WebSocket close code, or {@code null} when the socket was lost without a close frame
     * @param reason       why: the service's {@code disconnected} message, its close reason, or the client's own
     *                     finding
     */
    record Disconnected(String connectionId, String userId, Integer closeCode, String reason) implements WebPubSubEvent {
    }

    /**
     * The socket of a reliable connection dropped; the client is reopening the same connection. Messages are neither
     * lost nor repeated if that succeeds within the recovery window.
     *
     * @param connectionId the connection being recovered
     * @param userId       its user, or {@code null}
     * @param closeCode    the close code of the socket that dropped, or {@code null} when it was lost without one
     * @param reason       why the socket dropped
     */
    record Recovering(String connectionId, String userId, Integer closeCode, String reason) implements WebPubSubEvent {
    }

    /**
     * A dropped reliable connection is open again, with its groups and its buffered messages.
     *
     * @param connectionId the recovered connection
     * @param userId       its user, or {@code null}
     */
    record Recovered(String connectionId, String userId) implements WebPubSubEvent {
    }

    /**
     * The client stopped and will not connect again until started.
     *
     * @param connectionId the connection that was open when the client stopped, or {@code null} when there was none
     *                     (it never connected, or its connection had ended already, as {@link Disconnected} said)
     * @param userId       the user of that connection, or {@code null}
     * @param reason       why: {@code "Stopped by the application"}, a rejected handshake, or attempts running out
     */
    record Stopped(String connectionId, String userId, String reason) implements WebPubSubEvent {
    }

    /**
     * A message published to a group this connection is in.
     *
     * @param connectionId the connection that received it
     * @param userId       the user of that connection, or {@code null}
     * @param group        the group
     * @param fromUserId   the publisher's user id, or {@code null}
     * @param data         the data
     * @param sequenceId   the service's sequence id on reliable protocols, else {@code null}
     */
    record GroupMessage(String connectionId, String userId, String group, String fromUserId, MessageData data,
            Long sequenceId) implements WebPubSubEvent {
    }

    /**
     * A message the server sent to this connection, its user, or all connections.
     *
     * @param connectionId the connection that received it
     * @param userId       the user of that connection, or {@code null}
     * @param data         the data
     * @param sequenceId   the service's sequence id on reliable protocols, else {@code null}
     */
    record ServerMessage(String connectionId, String userId, MessageData data, Long sequenceId)
            implements WebPubSubEvent {
    }

    /**
     * Joining a group again on a new connection failed; the client no longer receives that group's messages.
     *
     * @param connectionId the new connection
     * @param userId       its user, or {@code null}
     * @param group        the group
     * @param cause        why, usually a {@link SendFailedException}
     */
    record RejoinGroupFailed(String connectionId, String userId, String group, Throwable cause)
            implements WebPubSubEvent {
    }

    /**
     * The service sent something that is not a valid frame. It was not delivered as a message; this event is how a
     * listener learns that something may be missing. Its content is never logged or carried here.
     *
     * @param connectionId the connection it arrived on, or {@code null} before {@code connected}
     * @param sequenceId   its sequence id where one could be read, else {@code null}; on a reliable protocol it
     *                     counts as handled once the listeners have returned, like a message
     * @param reason       what was wrong with it
     */
    record MalformedMessage(String connectionId, Long sequenceId, String reason) implements WebPubSubEvent {
    }
}
