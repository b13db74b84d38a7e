package io.github.webpubsub.camel;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * A send, join or leave that failed: the service refused it, or it could not be delivered within the retries. The
 * ackId lets a later attempt (with the CamelWebPubSubAckId header) retry without publishing twice.
 */
public class WebPubSubSendException extends CamelExchangeException {

    private static final long serialVersionUID = 1L;

    private final Long ackId;
    private final String errorName;
    private final String errorMessage;

    /** A failed request of an exchange, with what the service or the client said. */
    public WebPubSubSendException(Exchange exchange, Long ackId, String errorName, String errorMessage, Throwable cause) {
        super("Web PubSub request with ackId " + ackId + " failed: " + errorName
                + (errorMessage == null ? "" : ": " + errorMessage), exchange, cause);
        this.ackId = ackId;
        this.errorName = errorName;
        this.errorMessage = errorMessage;
    }

    /** The ackId of the request; {@code null} for a fire-and-forget send. */
    public Long getAckId() {
        return ackId;
    }

    /** The error name, such as Forbidden, InternalServerError, AckTimeout or ConnectionLost. */
    public String getErrorName() {
        return errorName;
    }

    /** The error message from the service or the client; may be null. */
    public String getErrorMessage() {
        return errorMessage;
    }
}
