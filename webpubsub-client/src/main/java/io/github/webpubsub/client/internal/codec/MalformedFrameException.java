package io.github.webpubsub.client.internal.codec;

/**
 * A message from the service that is not a valid frame. It carries the sequence id when one could be read, so that
 * a reliable connection can account for it; its message never quotes the frame's content.
 */
public final class MalformedFrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Long sequenceId;

    /** A frame rejected for the given reason. */
    public MalformedFrameException(String reason) {
        this(reason, null, null);
    }

    /** A frame rejected for the given reason, with the sequence id it carried (or {@code null}). */
    public MalformedFrameException(String reason, Long sequenceId) {
        this(reason, sequenceId, null);
    }

    /** A frame rejected for the given reason, found by a parser that failed. */
    public MalformedFrameException(String reason, Long sequenceId, Throwable cause) {
        super(reason, cause, false, false);
        this.sequenceId = sequenceId;
    }

    /** The frame's sequence id where it could be read, else {@code null}. */
    public Long sequenceId() {
        return sequenceId;
    }
}
