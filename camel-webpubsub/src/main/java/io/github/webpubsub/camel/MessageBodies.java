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

/** Converts exchange bodies to message data and back. */
final class MessageBodies {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

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
        DataType effective = type != null ? type : inferType(body);
        return switch (effective) {
            case TEXT -> MessageData.text(exchange.getContext().getTypeConverter()
                    .mandatoryConvertTo(String.class, exchange, body));
            case BINARY -> MessageData.binary(exchange.getContext().getTypeConverter()
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

    /** The body a consumed message gets: the text or JSON text as a String, binary data as byte[]. */
    static Object toBody(MessageData data) {
        return data.type() == DataType.BINARY ? data.asBytes() : data.asText();
    }
}
