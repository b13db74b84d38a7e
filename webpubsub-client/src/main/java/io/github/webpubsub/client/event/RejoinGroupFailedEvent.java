package io.github.webpubsub.client.event;

/**
 * Joining a group again on a new connection failed; the client no longer receives that group's messages.
 *
 * @param group the group
 * @param cause why, usually a {@link io.github.webpubsub.client.SendFailedException}
 */
public record RejoinGroupFailedEvent(String group, Throwable cause) {
}
