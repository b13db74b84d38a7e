package io.github.webpubsub.camel;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.webpubsub.client.DataType;
import io.github.webpubsub.client.MessageData;

/**
 * Converts exchange bodies to message data and back. A protobuf {@code Message} body goes out as protobuf data;
 * everything protobuf is in {@link ProtobufBodies}, reached only when protobuf-java is present.
 */
final class MessageBodies {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Whether protobuf-java is on the class path; checked here, never in {@link ProtobufBodies}, which needs it. */
    static final boolean PROTOBUF_PRESENT = protobufPresent();

    private static boolean protobufPresent() {
        try {
            Class.forName("com.google.protobuf.Message", false, MessageBodies.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private MessageBodies() {
    }

    /** The data type a body goes out as when none is configured. */
    static DataType inferType(Object body) {
        if (body instanceof CharSequence) {
            return DataType.TEXT;
        }
        if (body instanceof byte[] || body instanceof ByteBuffer || body instanceof InputStream) {
            return DataType.BINARY;
        }
        return DataType.JSON;
    }

    /**
     * The exchange's body as message data of the given type, or of the type its class suggests.
     *
     * @throws IllegalArgumentException when the body is null or cannot be converted
     */
    static MessageData toData(Exchange exchange, DataType type) throws NoTypeConversionAvailableException {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new IllegalArgumentException("The message body is null: there is nothing to send");
        }
        if (type == null && PROTOBUF_PRESENT && ProtobufBodies.isMessage(body)) {
            return ProtobufBodies.toData(body);
        }
        DataType effective = type != null ? type : inferType(body);
        return switch (effective) {
            case TEXT -> MessageData.text(exchange.getContext().getTypeConverter()
                    .mandatoryConvertTo(String.class, exchange, body));
            case BINARY, PROTOBUF -> MessageData.binary(exchange.getContext().getTypeConverter()
                    .mandatoryConvertTo(byte[].class, exchange, body));
            case JSON -> MessageData.json(jsonText(exchange, body));
        };
    }

    private static String jsonText(Exchange exchange, Object body) throws NoTypeConversionAvailableException {
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        if (body instanceof byte[] || body instanceof ByteBuffer || body instanceof InputStream) {
            byte[] bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body (" + body.getClass().getName() + ") cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body a consumed message gets: the text or JSON text as a String, binary data as byte[], protobuf data as a
     * {@code com.google.protobuf.Any} (bytes without protobuf-java, which the protobuf protocols need anyway).
     */
    static Object toBody(MessageData data) {
        return switch (data.type()) {
            case BINARY -> data.asBytes();
            case PROTOBUF -> PROTOBUF_PRESENT ? ProtobufBodies.toAny(data.asBytes()) : data.asBytes();
            case TEXT, JSON -> data.asText();
        };
    }

    /** The type URL of a protobuf body, for the header; {@code null} for any other body. */
    static String protobufTypeUrl(Object body) {
        return PROTOBUF_PRESENT ? ProtobufBodies.typeUrl(body) : null;
    }
}
