package io.github.webpubsub.client;

/** The WebSocket subprotocols the client speaks. */
public enum WebPubSubProtocol {
    /** {@code json.reliable.webpubsub.azure.v1}: sequence ids, sequence acks and connection recovery. The default. */
    JSON_RELIABLE("json.reliable", "json.reliable.webpubsub.azure.v1", true),
    /** {@code json.webpubsub.azure.v1}: no recovery; a dropped connection is replaced by a new one. */
    JSON("json", "json.webpubsub.azure.v1", false),
    /**
     * {@code protobuf.reliable.webpubsub.azure.v1}: as {@link #JSON_RELIABLE}, in binary protobuf frames. Needs
     * {@code com.google.protobuf:protobuf-java} 4.x on the class path.
     */
    PROTOBUF_RELIABLE("protobuf.reliable", "protobuf.reliable.webpubsub.azure.v1", true),
    /** {@code protobuf.webpubsub.azure.v1}: as {@link #JSON}, in binary protobuf frames; needs protobuf-java 4.x. */
    PROTOBUF("protobuf", "protobuf.webpubsub.azure.v1", false);

    /** A class of protobuf-java 4.x, whose presence says the protobuf subprotocols can be used. */
    private static final String PROTOBUF_PROBE = "com.google.protobuf.RuntimeVersion";

    private final String shortName;
    private final String subprotocol;
    private final boolean reliable;

    WebPubSubProtocol(String shortName, String subprotocol, boolean reliable) {
        this.shortName = shortName;
        this.subprotocol = subprotocol;
        this.reliable = reliable;
    }

    /** Whether frames are binary protobuf. */
    public boolean protobuf() {
        return this == PROTOBUF || this == PROTOBUF_RELIABLE;
    }

    /**
     * Checks that this protocol can be used here: the protobuf ones need protobuf-java 4.x on the class path.
     *
     * @throws IllegalStateException naming the dependency to add, when it is missing
     */
    public void requireSupport() {
        if (!protobuf()) {
            return;
        }
        try {
            Class.forName(PROTOBUF_PROBE, false, WebPubSubProtocol.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("The protocol " + shortName + " needs protobuf-java 4.x on the class path:"
                    + " add the dependency com.google.protobuf:protobuf-java (4.33 or later 4.x)");
        }
    }

    /** The short name used in configuration: {@code json.reliable}, {@code json}, {@code protobuf.reliable} or {@code protobuf}. */
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
     * The protocol for a short name ({@code json.reliable}, {@code json}, {@code protobuf.reliable}, {@code protobuf})
     * or a full subprotocol name.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static WebPubSubProtocol fromName(String name) {
        for (WebPubSubProtocol protocol : values()) {
            if (protocol.shortName.equalsIgnoreCase(name) || protocol.subprotocol.equalsIgnoreCase(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("Unknown protocol '" + name + "': expected json.reliable, json, protobuf.reliable or protobuf");
    }
}
