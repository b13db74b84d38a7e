package io.github.webpubsub.client;

import java.util.Set;

/**
 * An {@link WebPubSubClient#invokeEvent(String, MessageData) invocation} that got no answer: the service or the event
 * handler answered with an error, or the client gave up. An invocation is never retried by the client: the handler
 * may already have acted on it.
 */
public class InvocationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * No answer came within the timeout, and the client sent {@code cancelInvocation}; or no connection came within it,
     * and nothing was sent.
     */
    public static final String TIMEOUT = "InvocationTimeout";
    /** The connection dropped after the invocation was sent, before the answer came; the handler may or may not have run. */
    public static final String CONNECTION_LOST = "ConnectionLost";
    /** {@link WebPubSubClientOptions#getMaxInvocations()} invocations were already waiting for their answers. */
    public static final String TOO_MANY_INVOCATIONS = "TooManyInvocations";
    /** The client was stopped before the answer came. */
    public static final String STOPPED = "ClientStopped";
    /** The request could not be encoded (JSON data that is not JSON). */
    public static final String INVALID_REQUEST = "InvalidRequest";

    private static final Set<String> CLIENT_ERRORS = Set.of(TIMEOUT, CONNECTION_LOST, TOO_MANY_INVOCATIONS, STOPPED,
            INVALID_REQUEST);

    private final String invocationId;
    private final String event;
    private final String errorName;
    private final String errorMessage;

    /** A failed invocation, with its id, event and what the service or the client said. */
    public InvocationFailedException(String invocationId, String event, String errorName, String errorMessage) {
        super("Invocation " + invocationId + " of event '" + event + "' failed: " + errorName
                + (errorMessage == null ? "" : ": " + errorMessage));
        this.invocationId = invocationId;
        this.event = event;
        this.errorName = errorName;
        this.errorMessage = errorMessage;
    }

    /** Whether the service or the event handler answered with this error, as opposed to the client giving up. */
    public boolean fromService() {
        return !CLIENT_ERRORS.contains(errorName);
    }

    /** The invocation's id; {@code null} when it failed before one was given. */
    public String invocationId() {
        return invocationId;
    }

    /** The event invoked. */
    public String event() {
        return event;
    }

    /**
     * The error name: the service's ({@code InternalServerError}, {@code BadRequest}, ...) or one of the client's
     * constants in this class.
     */
    public String errorName() {
        return errorName;
    }

    /** The error message from the service or the client; may be {@code null}. */
    public String errorMessage() {
        return errorMessage;
    }
}
