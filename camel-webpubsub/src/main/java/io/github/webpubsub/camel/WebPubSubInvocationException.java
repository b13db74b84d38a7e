package io.github.webpubsub.camel;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * An invokeEvent exchange that got no answer: the service or the event handler answered with an error, or the client
 * gave up (timeout, a drop, no connection, too many invocations). Not retried by the component: the handler may
 * already have acted, and only the route knows whether invoking it again is harmless.
 */
public class WebPubSubInvocationException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final String invocationId;
    private final String errorName;
    private final String errorMessage;

    /** A failed invocation of an exchange, with what the service or the client said. */
    public WebPubSubInvocationException(Exchange exchange, String invocationId, String errorName, String errorMessage,
            Throwable cause) {
        super("Web PubSub invocation " + invocationId + " failed: " + errorName
                + (errorMessage == null ? "" : ": " + errorMessage), exchange, cause);
        this.invocationId = invocationId;
        this.errorName = errorName;
        this.errorMessage = errorMessage;
    }

    /** The invocation's id; null when it failed before it was sent. */
    public String getInvocationId() {
        return invocationId;
    }

    /**
     * The error name: the service's or handler's (InternalServerError, BadRequest, NotFound, ...) or the client's
     * (InvocationTimeout, ConnectionLost, TooManyInvocations, ClientStopped, InvalidRequest).
     */
    public String getErrorName() {
        return errorName;
    }

    /** The error message from the service or the client; may be null. */
    public String getErrorMessage() {
        return errorMessage;
    }
}
