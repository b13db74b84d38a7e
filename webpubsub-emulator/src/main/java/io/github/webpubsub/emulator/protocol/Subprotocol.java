package io.github.webpubsub.emulator.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The WebSocket subprotocols the emulator speaks. */
public enum Subprotocol {

    JSON("json.webpubsub.azure.v1", false, false),
    JSON_RELIABLE("json.reliable.webpubsub.azure.v1", true, false),
    PROTOBUF("protobuf.webpubsub.azure.v1", false, true),
    PROTOBUF_RELIABLE("protobuf.reliable.webpubsub.azure.v1", true, true);

    private final String id;
    private final boolean reliable;
    private final boolean protobuf;

    Subprotocol(String id, boolean reliable, boolean protobuf) {
        this.id = id;
        this.reliable = reliable;
        this.protobuf = protobuf;
    }

    /** Whether frames are protobuf, in binary WebSocket messages. */
    public boolean protobuf() {
        return protobuf;
    }

    /**
     * Writes one of the emulator's frames (made as JSON) to a socket of this protocol: as it is, or in protobuf.
     *
     * @return false when the frame has no protobuf form and was not written
     */
    public boolean write(io.vertx.core.http.ServerWebSocket socket, String jsonFrame) {
        if (!protobuf) {
            socket.writeTextMessage(jsonFrame);
            return true;
        }
        io.vertx.core.buffer.Buffer binary = ProtobufFrames.fromJson(jsonFrame);
        if (binary == null) {
            return false;
        }
        socket.writeBinaryMessage(binary);
        return true;
    }

    /** The name in {@code Sec-WebSocket-Protocol}. */
    public String id() {
        return id;
    }

    /** Whether messages carry sequenceIds and the connection can be recovered. */
    public boolean reliable() {
        return reliable;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Subprotocol::id).toList();
    }

    /** Picks the first offered subprotocol that the emulator speaks, in the client's order. */
    public static Optional<Subprotocol> select(String offeredHeader) {
        if (offeredHeader == null) {
            return Optional.empty();
        }
        for (String offered : offeredHeader.split(",")) {
            for (Subprotocol p : values()) {
                if (p.id.equals(offered.trim())) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
