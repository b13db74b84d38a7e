package io.github.webpubsub.client;

/**
 * The outcome of a successful send.
 *
 * @param ackId      the ackId the send used, or {@code null} for a fire-and-forget send
 * @param duplicated the service had already processed this ackId (an earlier attempt got through), so it did not
 *                   act on it again
 */
public record SendResult(Long ackId, boolean duplicated) {
}
