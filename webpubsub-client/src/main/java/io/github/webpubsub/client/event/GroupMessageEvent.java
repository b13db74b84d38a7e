package io.github.webpubsub.client.event;

import io.github.webpubsub.client.MessageData;

/**
 * A message published to a group this connection is in.
 *
 * @param connectionId the connection that received it
 * @param group        the group
 * @param fromUserId   the publisher's user id, or {@code null}
 * @param data         the data
 * @param sequenceId   the service's sequence id on reliable protocols, else {@code null}
 */
public record GroupMessageEvent(String connectionId, String group, String fromUserId, MessageData data,
        Long sequenceId) {
}
