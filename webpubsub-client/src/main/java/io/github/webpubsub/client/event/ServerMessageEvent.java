package io.github.webpubsub.client.event;

import io.github.webpubsub.client.MessageData;

/**
 * A message the server sent to this connection, its user, or all connections.
 *
 * @param connectionId the connection that received it
 * @param data         the data
 * @param sequenceId   the service's sequence id on reliable protocols, else {@code null}
 */
public record ServerMessageEvent(String connectionId, MessageData data, Long sequenceId) {
}
