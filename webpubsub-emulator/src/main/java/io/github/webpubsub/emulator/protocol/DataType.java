package io.github.webpubsub.emulator.protocol;

import java.util.Locale;

/** The {@code dataType} of a message, and how its {@code data} travels in JSON frames. */
public enum DataType {
    /** Any JSON value, embedded as is. */
    JSON,
    /** A JSON string. */
    TEXT,
    /** Base64 of the bytes. */
    BINARY,
    /** Base64 of protobuf bytes; JSON clients treat it as binary. */
    PROTOBUF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; {@code null} when it is not one. */
    public static DataType fromWire(String name) {
        for (DataType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The HTTP content type that carries this data type to and from REST and the upstream. */
    public String contentType() {
        return switch (this) {
            case JSON -> "application/json";
            case TEXT -> "text/plain";
            case BINARY, PROTOBUF -> "application/octet-stream";
        };
    }

    /** Maps a REST or upstream {@code Content-Type} to a data type; {@code null} for an unsupported one. */
    public static DataType fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (mime) {
            case "application/json" -> JSON;
            case "text/plain" -> TEXT;
            case "application/octet-stream" -> BINARY;
            default -> null;
        };
    }
}
