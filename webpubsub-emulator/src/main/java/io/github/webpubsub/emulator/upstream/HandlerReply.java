package io.github.webpubsub.emulator.upstream;

import io.github.webpubsub.emulator.protocol.Payload;

/**
 * What the event handler answered to an invocation: its HTTP status and, for a 2xx with a body, the body typed by its
 * {@code Content-Type}; for any other status, the start of the body as text, to put in the error message.
 *
 * @param status  the HTTP status
 * @param payload the body of a successful answer, or {@code null} when there is none
 * @param detail  at most {@link #MAX_DETAIL} characters of a failed answer's body; empty when there is none
 */
public record HandlerReply(int status, Payload payload, String detail) {

    /** How much of a failed answer's body reaches the client: enough to say why, not a whole error page. */
    public static final int MAX_DETAIL = 256;

    /** Whether the handler answered with a 2xx status. */
    public boolean succeeded() {
        return status / 100 == 2;
    }
}
