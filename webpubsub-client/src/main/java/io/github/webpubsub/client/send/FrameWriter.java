package io.github.webpubsub.client.send;

import io.github.webpubsub.client.protocol.ClientFrame;
import io.vertx.core.Future;

/** The current socket, as the sender sees it. Called on the client's event loop only. */
public interface FrameWriter {

    /** Whether a connection is up and requests can be written now. */
    boolean connected();

    /**
     * Writes a request on the current socket.
     *
     * @throws IllegalArgumentException when the request cannot be encoded
     */
    Future<Void> write(ClientFrame frame);
}
