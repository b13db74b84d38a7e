package io.github.webpubsub.client.internal.codec;

import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * Turns frames into WebSocket messages and back for one subprotocol: {@link JsonFrameCodec} or the protobuf codec.
 */
public interface FrameCodec {

    /** The protobuf codec, loaded by name: the JSON protocols must work without protobuf-java on the class path. */
    String PROTOBUF_CODEC = "io.github.webpubsub.client.internal.codec.ProtobufFrameCodec";

    /**
     * The codec of a protocol.
     *
     * @throws IllegalStateException for a protobuf protocol without protobuf-java on the class path
     */
    static FrameCodec of(WebPubSubProtocol protocol) {
        if (!protocol.protobuf()) {
            return new JsonFrameCodec(protocol.reliable());
        }
        protocol.requireSupport();
        try {
            return (FrameCodec) Class.forName(PROTOBUF_CODEC).getConstructor(boolean.class).newInstance(protocol.reliable());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not create the protobuf codec", e);
        }
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
