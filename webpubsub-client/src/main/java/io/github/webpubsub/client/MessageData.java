package io.github.webpubsub.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The data of one message: text, a JSON value (kept as its JSON text), bytes, or the bytes of a protobuf
 * {@code Any}. Immutable.
 */
public final class MessageData {

    private final DataType type;
    private final String text;
    private final byte[] bytes;

    private MessageData(DataType type, String text, byte[] bytes) {
        this.type = type;
        this.text = text;
        this.bytes = bytes;
    }

    /** Text data. */
    public static MessageData text(String text) {
        return new MessageData(DataType.TEXT, Objects.requireNonNull(text, "text"), null);
    }

    /**
     * JSON data, given as JSON text (an object, array, string literal, number or boolean). The text is embedded in
     * the frame as-is, so it must be valid JSON; the codec checks it before sending.
     */
    public static MessageData json(String jsonText) {
        return new MessageData(DataType.JSON, Objects.requireNonNull(jsonText, "jsonText"), null);
    }

    /** Binary data. The array is copied. */
    public static MessageData binary(byte[] bytes) {
        return new MessageData(DataType.BINARY, null, Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * Protobuf data: the serialized bytes of a {@code google.protobuf.Any}, sent as {@code protobuf_data} on the
     * protobuf subprotocols (and as {@code dataType:"protobuf"} in base64 on the JSON ones). The array is copied. The
     * client does not parse it; the protobuf codec checks it is an {@code Any} before sending.
     */
    public static MessageData protobuf(byte[] anyBytes) {
        return new MessageData(DataType.PROTOBUF, null, Objects.requireNonNull(anyBytes, "anyBytes").clone());
    }

    /** The data type. */
    public DataType type() {
        return type;
    }

    /**
     * The data as a string: the text, the JSON text, or for binary data the bytes decoded as UTF-8.
     */
    public String asText() {
        return bytes == null ? text : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The data as bytes: binary data, or the UTF-8 bytes of text and JSON data. A copy. */
    public byte[] asBytes() {
        return bytes == null ? text.getBytes(StandardCharsets.UTF_8) : bytes.clone();
    }

    /**
     * The data's size, without copying: bytes for binary data, characters for text and JSON. Close enough to the
     * bytes on the wire to budget buffers with.
     */
    public int length() {
        return bytes != null ? bytes.length : text.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageData that && type == that.type && Objects.equals(text, that.text)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text) * 31 + Arrays.hashCode(bytes);
    }

    /** The type and size only: message content does not belong in logs. */
    @Override
    public String toString() {
        int size = bytes != null ? bytes.length : text.length();
        return "MessageData[" + type.wireName() + ", " + size + (bytes != null ? " bytes]" : " chars]");
    }
}
