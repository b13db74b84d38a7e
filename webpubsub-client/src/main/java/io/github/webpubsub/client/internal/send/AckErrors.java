package io.github.webpubsub.client.internal.send;

import java.util.Set;

/** Which ack errors are worth a retry. */
final class AckErrors {

    /** The service's own name for a repeated ackId: the request was done before, so this is a success. */
    static final String DUPLICATE = "Duplicate";

    /**
     * A transient service error. Everything else ({@code Forbidden}, {@code NotFound}, {@code BadRequest} and names
     * this client does not know) fails at once: sending it again would get the same answer.
     */
    private static final Set<String> TRANSIENT = Set.of("InternalServerError");

    private AckErrors() {
    }

    static boolean isTransient(String errorName) {
        return errorName != null && TRANSIENT.contains(errorName);
    }
}
