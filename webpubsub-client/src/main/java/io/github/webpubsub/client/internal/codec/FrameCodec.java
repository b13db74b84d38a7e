package io.github.webpubsub.client.internal.codec;

import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * Turns frames into WebSocket messages and back for one subprotocol. JSON is the only family today; protobuf will
 * be another implementation of this interface.
 */
public interface FrameCodec {

    /** The codec of a protocol. */
    static FrameCodec of(WebPubSubProtocol protocol) {
        return new JsonFrameCodec(protocol.reliable());
    }

    /** The WebSocket subprotocol this codec speaks, offered in {@code Sec-WebSocket-Protocol}. */
    String subprotocol();

    /** Whether the subprotocol has sequence ids, sequence acks and connection recovery. */
    boolean reliable();

    /**
     * Encodes a request as the WebSocket frame it travels in: a text frame for JSON, a binary one for protobuf.
     *
     * @throws IllegalArgumentException when the request cannot be encoded (JSON data that is not valid JSON)
     */
    WebSocketFrame encode(ClientFrame frame);

    /**
     * Decodes a text message from the service.
     *
     * @throws MalformedFrameException when the message is not a frame of this subprotocol
     */
    ServerFrame decode(String text);

    /**
     * Decodes a binary message from the service.
     *
     * @throws MalformedFrameException when the message is not a frame of this subprotocol
     */
    ServerFrame decode(Buffer binary);
}
