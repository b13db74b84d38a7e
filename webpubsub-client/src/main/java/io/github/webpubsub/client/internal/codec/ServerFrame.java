package io.github.webpubsub.client.internal.codec;

import io.github.webpubsub.client.MessageData;

/** A frame the service sends to the client, decoded and checked. */
public sealed interface ServerFrame {

    /**
     * The answer to a request that carried an ackId. On failure {@code errorName} is never {@code null}: an ack that
     * names no error is decoded with {@link #UNNAMED_ERROR}.
     */
    record Ack(long ackId, boolean success, String errorName, String errorMessage) implements ServerFrame {
        /** The error name given to a failed ack that carries none. */
        public static final String UNNAMED_ERROR = "UnnamedError";
    }

    /** A group or server message. {@code sequenceId} is null on non-reliable protocols. */
    sealed interface Message extends ServerFrame {
        /** The data. */
        MessageData data();

        /** The service's sequence id, or {@code null}. */
        Long sequenceId();
    }

    /** A message published to a group the connection is in. */
    record GroupMessage(String group, String fromUserId, MessageData data, Long sequenceId) implements Message {
    }

    /** A message the server sent to this connection, its user or everyone. */
    record ServerMessage(MessageData data, Long sequenceId) implements Message {
    }

    /** The service accepted the connection; {@code reconnectionToken} is present on reliable protocols. */
    record Connected(String connectionId, String userId, String reconnectionToken) implements ServerFrame {
    }

    /** The service is about to close the connection, and says why. */
    record Disconnected(String message) implements ServerFrame {
    }

    /**
     * The answer to an invocation. On success {@code data} is the handler's answer ({@code null} when it had none);
     * on failure {@code errorName} is never {@code null}, as for acks.
     */
    record InvokeResponse(String invocationId, boolean success, MessageData data, String errorName, String errorMessage)
            implements ServerFrame {
        /** The error name given to an answer that does not say whether it succeeded. */
        public static final String INVALID_RESPONSE = "InvalidResponse";
    }

    /** A frame type this client does not use (pong, newer preview frames); ignored for forward compatibility. */
    record Ignored(String type) implements ServerFrame {
    }
}
