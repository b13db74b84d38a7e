package io.github.webpubsub.client.event;

/**
 * A new connection is ready: the service sent {@code connected} and the client joined its groups again. Not raised
 * after a recovery, which keeps the connection.
 *
 * @param connectionId the service's id for the connection
 * @param userId       the user of the connection, or {@code null}
 */
public record ConnectedEvent(String connectionId, String userId) {
}
