package io.github.webpubsub.emulator.protocol;

/** One decoded client frame. {@code ackId} is {@code null} for fire-and-forget requests. */
public sealed interface ClientRequest {

    /** The ackId the client asked an ack for, or {@code null}. */
    default Long ackId() {
        return null;
    }

    record JoinGroup(String group, Long ackId) implements ClientRequest {
    }

    record LeaveGroup(String group, Long ackId) implements ClientRequest {
    }

    record SendToGroup(String group, Long ackId, boolean noEcho, Payload payload) implements ClientRequest {
    }

    record Event(String event, Long ackId, Payload payload) implements ClientRequest {
    }

    record SequenceAck(long sequenceId) implements ClientRequest {
    }

    record Ping() implements ClientRequest {
    }

    /**
     * A request for the event handler's answer: {@code payload} is {@code null} when the client sent no data. The
     * answer goes back as an {@code invokeResponse} with the same {@code invocationId}.
     */
    record Invoke(String invocationId, String target, String event, Payload payload) implements ClientRequest {
    }

    /** The client no longer waits for the answer to {@code invocationId}. */
    record CancelInvocation(String invocationId) implements ClientRequest {
    }
}
