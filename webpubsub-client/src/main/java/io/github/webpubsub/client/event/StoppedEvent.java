package io.github.webpubsub.client.event;

/**
 * The client stopped and will not connect again until started.
 *
 * @param reason why: {@code "Stopped by the application"}, a rejected handshake, or reconnection attempts running out
 */
public record StoppedEvent(String reason) {
}
