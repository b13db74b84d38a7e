package io.github.webpubsub.client.internal.transport;

import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.vertx.core.Future;

/**
 * One open socket to the service. It encodes and writes requests, decodes what arrives and routes each frame once
 * to its {@link TransportListener}, keeps itself alive with pings, and reports when it is gone. Called on the
 * client's event loop only.
 */
public interface Transport {

    /**
     * Writes a request. The future completes when the frame is written.
     *
     * @throws IllegalArgumentException when the request cannot be encoded
     */
    Future<Void> write(ClientFrame frame);

    /** Whether the socket's write queue is full: new writes should wait for {@link TransportListener#onWritable()}. */
    boolean writeQueueFull();

    /** Stops reading from the socket (back-pressure). Silence while paused does not count as a dead socket. */
    void pause();

    /** Reads from the socket again. */
    void resume();

    /** Whether reading is paused. */
    boolean paused();

    /**
     * Closes the socket with a close frame; the future completes once it is closed. The listener hears nothing more
     * from this transport.
     */
    Future<Void> close(short code, String reason);

    /**
     * Gives up on the socket at once, without waiting for its peer: used for a socket that stays silent. The listener
     * hears nothing more from this transport.
     */
    void abandon();
}
