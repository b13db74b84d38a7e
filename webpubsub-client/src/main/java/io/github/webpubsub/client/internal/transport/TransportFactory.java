package io.github.webpubsub.client.internal.transport;

import io.vertx.core.Future;

/**
 * Opens transports. The client's state machine gets one at construction, so tests can drive it frame by frame with a
 * fake transport instead of a socket.
 */
public interface TransportFactory {

    /**
     * Opens a socket to a client access URL ({@code ws://} or {@code wss://}). Frames are routed to {@code listener}
     * from the moment the socket is open.
     */
    Future<Transport> open(String url, TransportListener listener);

    /** Releases pooled resources; no more transports are opened. */
    void close();
}
