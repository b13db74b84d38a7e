package io.github.webpubsub.client;

/** The WebSocket subprotocols the client speaks. */
public enum WebPubSubProtocol {
    /** {@code json.reliable.webpubsub.azure.v1}: sequence ids, sequence acks and connection recovery. The default. */
    JSON_RELIABLE("json.reliable", "json.reliable.webpubsub.azure.v1", true),
    /** {@code json.webpubsub.azure.v1}: no recovery; a dropped connection is replaced by a new one. */
    JSON("json", "json.webpubsub.azure.v1", false);

    private final String shortName;
    private final String subprotocol;
    private final boolean reliable;

    WebPubSubProtocol(String shortName, String subprotocol, boolean reliable) {
        this.shortName = shortName;
        this.subprotocol = subprotocol;
        this.reliable = reliable;
    }

    /** The short name used in configuration: {@code json.reliable} or {@code json}. */
    public String shortName() {
        return shortName;
    }

    /** The name offered in {@code Sec-WebSocket-Protocol}, such as {@code json.reliable.webpubsub.azure.v1}. */
    public String subprotocol() {
        return subprotocol;
    }

    /** Whether the protocol recovers dropped connections without losing messages. */
    public boolean reliable() {
        return reliable;
    }

    /**
     * The protocol for a short name ({@code json.reliable}, {@code json}) or a full subprotocol name.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static WebPubSubProtocol fromName(String name) {
        for (WebPubSubProtocol protocol : values()) {
            if (protocol.shortName.equalsIgnoreCase(name) || protocol.subprotocol.equalsIgnoreCase(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("Unknown protocol '" + name + "': expected json.reliable or json");
    }
}
