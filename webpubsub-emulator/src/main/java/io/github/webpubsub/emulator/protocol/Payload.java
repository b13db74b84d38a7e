package io.github.webpubsub.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;

/**
 * The data of one message as it travels in JSON frames: {@code value} is the JSON value written as {@code data}
 * (any JSON value for json, a string for text, a base64 string for binary and protobuf).
 */
public record Payload(DataType dataType, Object value) {

    /** The bytes an HTTP body carries for this data: raw bytes for binary, UTF-8 text otherwise. */
    public Buffer toHttpBody() {
        return switch (dataType) {
            case JSON -> Buffer.buffer(Json.encode(value));
            case TEXT -> Buffer.buffer((String) value, StandardCharsets.UTF_8.name());
            case BINARY, PROTOBUF -> Buffer.buffer(Base64.getDecoder().decode((String) value));
        };
    }

    /** The text of text and json data, for listeners and logs; base64 for binary. */
    public String asText() {
        return dataType == DataType.JSON ? Json.encode(value) : (String) value;
    }

    /**
     * Reads an HTTP body (REST send or upstream response).
     *
     * @throws IllegalArgumentException when a json body does not parse
     */
    public static Payload fromHttpBody(DataType dataType, Buffer body) {
        return switch (dataType) {
            case JSON -> {
                try {
                    yield new Payload(DataType.JSON, Json.decodeValue(body));
                } catch (DecodeException e) {
                    throw new IllegalArgumentException("The body is not valid JSON.");
                }
            }
            case TEXT -> new Payload(DataType.TEXT, body.toString(StandardCharsets.UTF_8));
            case BINARY, PROTOBUF -> new Payload(dataType, Base64.getEncoder().encodeToString(body.getBytes()));
        };
    }
}
