package io.github.webpubsub.client.protocol;

/** A message from the service that is not a valid frame. The client logs it and goes on with the next. */
public final class MalformedFrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A frame rejected for the given reason. */
    public MalformedFrameException(String message) {
        super(message);
    }

    /** A frame rejected for the given reason, found by a parser that failed. */
    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
