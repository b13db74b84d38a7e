package io.github.webpubsub.client;

import java.util.Locale;

/** How a message's data is typed on the wire: the {@code dataType} field of the JSON subprotocols. */
public enum DataType {
    /** A UTF-8 string. */
    TEXT("text"),
    /** A JSON value, embedded as-is in the frame. */
    JSON("json"),
    /** Raw bytes, base64 in the JSON frame. */
    BINARY("binary"),
    /**
     * The bytes of a {@code google.protobuf.Any}: {@code protobuf_data} on the protobuf subprotocols. Received only
     * there; JSON clients get such data as {@link #BINARY}, as Microsoft's SDKs do.
     */
    PROTOBUF("protobuf");

    private final String wireName;

    DataType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in frames and in Camel options: {@code text}, {@code json}, {@code binary} or {@code protobuf}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The data type for a wire name. {@code protobuf} data, which JSON clients receive base64-encoded, is read as
     * binary, as Microsoft's SDKs do.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static DataType fromWireName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "text" -> TEXT;
            case "json" -> JSON;
            case "binary", "protobuf" -> BINARY;
            default -> throw new IllegalArgumentException("Unknown data type '" + name + "': expected text, json or binary");
        };
    }
}
