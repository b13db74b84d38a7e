package io.github.webpubsub.client.event;

/**
 * A connection ended and could not be recovered; the client opens a new one unless it stops.
 *
 * @param connectionId the connection that ended, or {@code null} if it never connected
 * @param closeCode    the WebSocket close code, or {@code null} when there was none (a network failure)
 * @param reason       why, from the service's {@code disconnected} message or the client's own finding
 */
public record DisconnectedEvent(String connectionId, Integer closeCode, String reason) {
}
