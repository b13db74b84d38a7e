package io.github.webpubsub.client;

import io.github.webpubsub.client.protocol.FrameCodec;
import io.github.webpubsub.client.protocol.JsonFrameCodec;

/** The WebSocket subprotocols the client speaks. */
public enum WebPubSubProtocol {
    /** {@code json.reliable.webpubsub.azure.v1}: sequence ids, sequence acks and connection recovery. The default. */
    JSON_RELIABLE("json.reliable", true),
    /** {@code json.webpubsub.azure.v1}: no recovery; a dropped connection is replaced by a new one. */
    JSON("json", false);

    private final String shortName;
    private final boolean reliable;

    WebPubSubProtocol(String shortName, boolean reliable) {
        this.shortName = shortName;
        this.reliable = reliable;
    }

    /** The short name used in configuration: {@code json.reliable} or {@code json}. */
    public String shortName() {
        return shortName;
    }

    /** Whether the protocol recovers dropped connections without losing messages. */
    public boolean reliable() {
        return reliable;
    }

    /** A codec for this protocol. */
    public FrameCodec codec() {
        return new JsonFrameCodec(reliable);
    }

    /**
     * The protocol for a short name ({@code json.reliable}, {@code json}) or a full subprotocol name.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static WebPubSubProtocol fromName(String name) {
        for (WebPubSubProtocol protocol : values()) {
            if (protocol.shortName.equalsIgnoreCase(name) || protocol.codec().subprotocol().equalsIgnoreCase(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("Unknown protocol '" + name + "': expected json.reliable or json");
    }
}
