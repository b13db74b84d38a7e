package io.github.webpubsub.camel;

/**
 * The service sent a frame the client could not read: a message may be missing. Handed to the consumer's exception
 * handler; the client has already logged it at ERROR, without its content.
 */
public class WebPubSubMalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A malformed frame, with what was wrong with it. */
    public WebPubSubMalformedMessageException(String reason) {
        super("Malformed frame from Web PubSub: " + reason);
    }
}
