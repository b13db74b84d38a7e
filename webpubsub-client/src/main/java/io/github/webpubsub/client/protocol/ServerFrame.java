package io.github.webpubsub.client.protocol;

import io.github.webpubsub.client.MessageData;

/** A frame the service sends to the client, decoded. */
public sealed interface ServerFrame {

    /** The answer to a request that carried an ackId; {@code errorName} is {@code null} on success. */
    record Ack(long ackId, boolean success, String errorName, String errorMessage) implements ServerFrame {
    }

    /** A message published to a group the connection is in. {@code sequenceId} is null on non-reliable protocols. */
    record GroupMessage(String group, String fromUserId, MessageData data, Long sequenceId) implements ServerFrame {
    }

    /** A message the server sent to this connection, its user or everyone. */
    record ServerMessage(MessageData data, Long sequenceId) implements ServerFrame {
    }

    /** The service accepted the connection; {@code reconnectionToken} is present on reliable protocols. */
    record Connected(String connectionId, String userId, String reconnectionToken) implements ServerFrame {
    }

    /** The service is about to close the connection, and says why. */
    record Disconnected(String message) implements ServerFrame {
    }

    /** A frame type this client does not use (pong, newer preview frames); ignored for forward compatibility. */
    record Ignored(String type) implements ServerFrame {
    }
}
