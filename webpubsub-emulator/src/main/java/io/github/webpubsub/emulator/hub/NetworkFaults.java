package io.github.webpubsub.emulator.hub;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketInternal;

/**
 * The two network failures the emulator injects below the WebSocket protocol: a TCP connection cut without a close
 * frame, and a peer that stops reading (so not even pings are answered). Vert.x's public API is built to prevent
 * exactly these (every close sends a close frame, every ping gets a pong), so this is the one class of the project
 * that reaches its internal channel. Nothing else may.
 */
final class NetworkFaults {

    private NetworkFaults() {
    }

    /**
     * Closes the TCP connection from the head of the pipeline, past the WebSocket handlers that would send a close
     * frame (1000) first: the client sees a loss, not a close.
     */
    static void cut(ServerWebSocket socket) {
        ((WebSocketInternal) socket).channelHandlerContext().pipeline().firstContext().close();
    }

    /** Stops reading from the socket at the channel: nothing the client sends is read, so no ping is answered. */
    static void stopReading(ServerWebSocket socket) {
        ((WebSocketInternal) socket).channelHandlerContext().channel().config().setAutoRead(false);
    }
}
