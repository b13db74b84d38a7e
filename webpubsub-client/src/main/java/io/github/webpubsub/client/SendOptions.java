package io.github.webpubsub.client;

/**
 * Per-send options. Immutable; start from {@link #defaults()}.
 *
 * @param ackId         the ackId to use, or {@code null} to take the client's next one. Give the ackId of an earlier
 *                      failed send to retry it without publishing twice: the service answers {@code Duplicate} if it
 *                      had already processed it
 * @param noEcho        for {@code sendToGroup}: do not deliver the message back to this connection
 * @param fireAndForget send without an ackId; the future completes when the frame is written and errors are silent
 */
public record SendOptions(Long ackId, boolean noEcho, boolean fireAndForget) {

    private static final SendOptions DEFAULTS = new SendOptions(null, false, false);

    public SendOptions {
        if (ackId != null && ackId < 0) {
            throw new IllegalArgumentException("ackId must not be negative");
        }
        if (ackId != null && fireAndForget) {
            throw new IllegalArgumentException("A fire-and-forget send has no ackId");
        }
    }

    /** An acked send with the next ackId, echo on. */
    public static SendOptions defaults() {
        return DEFAULTS;
    }

    /** These options with the given ackId. */
    public SendOptions withAckId(Long ackId) {
        return new SendOptions(ackId, noEcho, fireAndForget);
    }

    /** These options with noEcho set. */
    public SendOptions withNoEcho(boolean noEcho) {
        return new SendOptions(ackId, noEcho, fireAndForget);
    }

    /** These options, fire-and-forget or not. */
    public SendOptions withFireAndForget(boolean fireAndForget) {
        return new SendOptions(ackId, noEcho, fireAndForget);
    }
}
