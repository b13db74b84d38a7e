package io.github.webpubsub.client.protocol;

import io.vertx.core.buffer.Buffer;

/**
 * Turns frames into WebSocket messages and back for one subprotocol. JSON is the only family today; protobuf will
 * be another implementation of this interface.
 */
public interface FrameCodec {

    /** The WebSocket subprotocol this codec speaks, offered in {@code Sec-WebSocket-Protocol}. */
    String subprotocol();

    /** Whether the subprotocol has sequence ids, sequence acks and connection recovery. */
    boolean reliable();

    /** Whether encoded frames go out as text messages (JSON) rather than binary ones (protobuf). */
    boolean textFrames();

    /**
     * Encodes a request.
     *
     * @throws IllegalArgumentException when the request cannot be encoded (JSON data that is not valid JSON)
     */
    Buffer encode(ClientFrame frame);

    /**
     * Decodes a message from the service.
     *
     * @throws MalformedFrameException when the message is not a frame of this subprotocol
     */
    ServerFrame decode(Buffer message);
}
