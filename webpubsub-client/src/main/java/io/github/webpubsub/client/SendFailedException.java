package io.github.webpubsub.client;

import java.util.Set;

/**
 * A send, join or leave that did not succeed. It carries the ackId, so the caller can retry with
 * {@link SendOptions#withAckId(Long)} and the service will not act on the request twice.
 */
public class SendFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The client gave up waiting for an ack. */
    public static final String ACK_TIMEOUT = "AckTimeout";
    /** The connection was lost and could not be restored in time. */
    public static final String CONNECTION_LOST = "ConnectionLost";
    /** Too many sends were already waiting for a connection. */
    public static final String QUEUE_FULL = "QueueFull";
    /** The client was stopped before the ack came. */
    public static final String STOPPED = "ClientStopped";
    /** The request could not be encoded (JSON data that is not JSON) or written. */
    public static final String INVALID_REQUEST = "InvalidRequest";

    private static final Set<String> CLIENT_ERRORS = Set.of(ACK_TIMEOUT, CONNECTION_LOST, QUEUE_FULL,
            STOPPED, INVALID_REQUEST);

    private final Long ackId;
    private final String errorName;
    private final String errorMessage;

    /** A failed request, with the ackId it used and what the service or the client said. */
    public SendFailedException(Long ackId, String errorName, String errorMessage) {
        super("Send with ackId " + ackId + " failed: " + errorName + (errorMessage == null ? "" : ": " + errorMessage));
        this.ackId = ackId;
        this.errorName = errorName;
        this.errorMessage = errorMessage;
    }

    /**
     * Whether the service itself refused the request ({@code Forbidden}, {@code NotFound}, ...), as opposed to the
     * client giving up ({@code AckTimeout}, {@code ConnectionLost}, {@code QueueFull}, {@code ClientStopped},
     * {@code InvalidRequest}).
     */
    public boolean fromService() {
        return !CLIENT_ERRORS.contains(errorName);
    }

    /** The ackId of the failed request; {@code null} for a fire-and-forget send. */
    public Long ackId() {
        return ackId;
    }

    /**
     * The error name: one of the service's ({@code Forbidden}, {@code InternalServerError}, {@code NotFound},
     * {@code BadRequest}, ...) or of the client's constants in this class.
     */
    public String errorName() {
        return errorName;
    }

    /** The error message from the service or the client; may be {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }
}
