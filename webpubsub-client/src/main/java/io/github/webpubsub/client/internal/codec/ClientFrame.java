package io.github.webpubsub.client.internal.codec;

import io.github.webpubsub.client.MessageData;

/** A request the client sends to the service. An {@code ackId} of {@code null} asks for no ack. */
public sealed interface ClientFrame {

    /** Joins a group. */
    record JoinGroup(String group, Long ackId) implements ClientFrame {
    }

    /** Leaves a group. */
    record LeaveGroup(String group, Long ackId) implements ClientFrame {
    }

    /** Publishes to a group; with {@code noEcho} the sender's own connection does not get it back. */
    record SendToGroup(String group, MessageData data, boolean noEcho, Long ackId) implements ClientFrame {
    }

    /** Sends a custom event to the hub's event handler. */
    record SendEvent(String event, MessageData data, Long ackId) implements ClientFrame {
    }

    /** Asks the hub's event handler for an answer, which comes back as an {@code invokeResponse}. */
    record Invoke(String invocationId, String event, MessageData data) implements ClientFrame {
    }

    /** Says the client no longer waits for the answer to an invocation. */
    record CancelInvocation(String invocationId) implements ClientFrame {
    }

    /** Tells a reliable service that every message up to {@code sequenceId} has arrived. */
    record SequenceAck(long sequenceId) implements ClientFrame {
    }
}
