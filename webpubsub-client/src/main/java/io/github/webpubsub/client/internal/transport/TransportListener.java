package io.github.webpubsub.client.internal.transport;

import io.github.webpubsub.client.internal.codec.MalformedFrameException;
import io.github.webpubsub.client.internal.codec.ServerFrame;

/**
 * What a {@link Transport} reports, one method per kind of decoded frame, so that each frame is told apart exactly
 * once, in the transport. Called on the client's event loop.
 */
public interface TransportListener {

    /** The service sent {@code connected}. */
    void onConnected(ServerFrame.Connected connected);

    /** The service announced it is closing the connection. */
    void onDisconnectedNotice(ServerFrame.Disconnected disconnected);

    /** An ack arrived. */
    void onAck(ServerFrame.Ack ack);

    /** A group or server message arrived. */
    void onMessage(ServerFrame.Message message);

    /** The answer to an invocation arrived. */
    default void onInvokeResponse(ServerFrame.InvokeResponse response) {
    }

    /** Something arrived that is not a valid frame. */
    void onMalformed(MalformedFrameException malformed);

    /** The socket's write queue has room again. */
    void onWritable();

    /**
     * The socket is gone. Called once.
     *
     * @param closeCode the close code from the peer's close frame, or {@code null} when the socket was lost without one
     * @param reason    the close reason, or a description of the loss; never {@code null}
     */
    void onClosed(Integer closeCode, String reason);
}
