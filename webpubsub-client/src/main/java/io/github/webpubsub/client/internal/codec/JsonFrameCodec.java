package io.github.webpubsub.client.internal.codec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.webpubsub.client.DataType;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/** The JSON subprotocols {@code json.webpubsub.azure.v1} and {@code json.reliable.webpubsub.azure.v1}. */
public final class JsonFrameCodec implements FrameCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** The largest integer a JavaScript number holds exactly: the service's SDKs cannot count past it. */
    static final long MAX_SEQUENCE_ID = (1L << 53) - 1;

    private final String subprotocol;
    private final boolean reliable;

    /** The codec of {@code json.reliable.webpubsub.azure.v1} when {@code reliable}, else of {@code json.webpubsub.azure.v1}. */
    public JsonFrameCodec(boolean reliable) {
        this.reliable = reliable;
        this.subprotocol = (reliable ? WebPubSubProtocol.JSON_RELIABLE : WebPubSubProtocol.JSON).subprotocol();
    }

    @Override
    public String subprotocol() {
        return subprotocol;
    }

    @Override
    public boolean reliable() {
        return reliable;
    }

    @Override
    public WebSocketFrame encode(ClientFrame frame) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            if (frame instanceof ClientFrame.JoinGroup join) {
                json.writeStringField("type", "joinGroup");
                json.writeStringField("group", join.group());
                writeAckId(json, join.ackId());
            } else if (frame instanceof ClientFrame.LeaveGroup leave) {
                json.writeStringField("type", "leaveGroup");
                json.writeStringField("group", leave.group());
                writeAckId(json, leave.ackId());
            } else if (frame instanceof ClientFrame.SendToGroup send) {
                json.writeStringField("type", "sendToGroup");
                json.writeStringField("group", send.group());
                writeAckId(json, send.ackId());
                if (send.noEcho()) {
                    json.writeBooleanField("noEcho", true);
                }
                writeData(json, send.data());
            } else if (frame instanceof ClientFrame.SendEvent event) {
                json.writeStringField("type", "event");
                json.writeStringField("event", event.event());
                writeAckId(json, event.ackId());
                writeData(json, event.data());
            } else if (frame instanceof ClientFrame.SequenceAck ack) {
                json.writeStringField("type", "sequenceAck");
                json.writeNumberField("sequenceId", ack.sequenceId());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WebSocketFrame.textFrame(out.toString(), true);
    }

    private static void writeAckId(JsonGenerator json, Long ackId) throws IOException {
        if (ackId != null) {
            json.writeNumberField("ackId", ackId);
        }
    }

    private static void writeData(JsonGenerator json, MessageData data) throws IOException {
        json.writeStringField("dataType", data.type().wireName());
        json.writeFieldName("data");
        switch (data.type()) {
            case TEXT -> json.writeString(data.asText());
            case BINARY -> json.writeString(Base64.getEncoder().encodeToString(data.asBytes()));
            case JSON -> copyJsonValue(json, data.asText());
        }
    }

    /** Copies token by token, so invalid JSON is refused here instead of corrupting the frame. */
    private static void copyJsonValue(JsonGenerator json, String jsonText) throws IOException {
        try (JsonParser parser = FACTORY.createParser(jsonText)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("JSON data is empty");
            }
            json.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("JSON data has content after its first value");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("JSON data is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public ServerFrame decode(String text) {
        JsonNode frame;
        try {
            frame = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new MalformedFrameException("not JSON");
        }
        return decode(frame);
    }

    @Override
    public ServerFrame decode(Buffer binary) {
        JsonNode frame;
        try {
            frame = MAPPER.readTree(binary.getBytes());
        } catch (IOException e) {
            throw new MalformedFrameException("a binary frame that is not JSON");
        }
        return decode(frame);
    }

    private ServerFrame decode(JsonNode frame) {
        if (frame == null || !frame.isObject()) {
            throw new MalformedFrameException("not a JSON object");
        }
        String type = text(frame, "type");
        if (type == null) {
            throw new MalformedFrameException("no type");
        }
        return switch (type) {
            case "ack" -> ack(frame);
            case "message" -> message(frame);
            case "system" -> system(frame);
            default -> new ServerFrame.Ignored(type);
        };
    }

    private static ServerFrame ack(JsonNode frame) {
        JsonNode ackId = frame.get("ackId");
        if (ackId == null || !ackId.isIntegralNumber() || !ackId.canConvertToLong()) {
            throw new MalformedFrameException("ack without an integer ackId");
        }
        JsonNode success = frame.get("success");
        if (success == null || !success.isBoolean()) {
            throw new MalformedFrameException("ack " + ackId.asLong() + " without a boolean 'success'");
        }
        if (success.booleanValue()) {
            return new ServerFrame.Ack(ackId.asLong(), true, null, null);
        }
        JsonNode error = frame.path("error");
        String name = text(error, "name");
        String message = text(error, "message");
        if (name == null || name.isBlank()) {
            return new ServerFrame.Ack(ackId.asLong(), false, ServerFrame.Ack.UNNAMED_ERROR,
                    message != null ? message : "The service's ack named no error");
        }
        return new ServerFrame.Ack(ackId.asLong(), false, name, message);
    }

    private ServerFrame message(JsonNode frame) {
        Long sequenceId = reliable ? sequenceId(frame) : null;
        try {
            String from = text(frame, "from");
            MessageData data = data(frame);
            if ("group".equals(from)) {
                String group = text(frame, "group");
                if (group == null) {
                    throw new MalformedFrameException("group message without a group");
                }
                return new ServerFrame.GroupMessage(group, text(frame, "fromUserId"), data, sequenceId);
            }
            if ("server".equals(from)) {
                return new ServerFrame.ServerMessage(data, sequenceId);
            }
            throw new MalformedFrameException(from == null ? "message without 'from'" : "message from '" + from + "'");
        } catch (MalformedFrameException e) {
            throw sequenceId == null ? e : new MalformedFrameException(e.getMessage(), sequenceId);
        }
    }

    /**
     * The sequence id of a reliable message: a JSON integer from 1 to 2^53 - 1, the range every SDK can represent.
     * Anything else would corrupt the connection's redelivery accounting, so it makes the frame malformed. A missing
     * one is {@code null}, for the inbox to report.
     */
    private static Long sequenceId(JsonNode frame) {
        JsonNode sequence = frame.get("sequenceId");
        if (sequence == null || sequence.isNull()) {
            return null;
        }
        if (!sequence.isIntegralNumber() || !sequence.canConvertToLong()) {
            throw new MalformedFrameException("message whose sequenceId is not an integer");
        }
        long value = sequence.asLong();
        if (value < 1 || value > MAX_SEQUENCE_ID) {
            throw new MalformedFrameException("message whose sequenceId " + value + " is outside 1 to 2^53 - 1");
        }
        return value;
    }

    private static MessageData data(JsonNode frame) {
        JsonNode data = frame.get("data");
        if (data == null) {
            throw new MalformedFrameException("message without data");
        }
        String dataType = text(frame, "dataType");
        DataType type;
        try {
            type = DataType.fromWireName(dataType == null ? "json" : dataType);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("message with " + e.getMessage().toLowerCase(java.util.Locale.ROOT));
        }
        return switch (type) {
            case JSON -> MessageData.json(data.toString());
            case TEXT -> {
                if (!data.isTextual()) {
                    throw new MalformedFrameException("text data that is not a string");
                }
                yield MessageData.text(data.textValue());
            }
            case BINARY -> {
                if (!data.isTextual()) {
                    throw new MalformedFrameException("binary data that is not a base64 string");
                }
                try {
                    yield MessageData.binary(Base64.getDecoder().decode(data.textValue()));
                } catch (IllegalArgumentException e) {
                    throw new MalformedFrameException("binary data that is not valid base64");
                }
            }
        };
    }

    private static ServerFrame system(JsonNode frame) {
        String event = text(frame, "event");
        if ("connected".equals(event)) {
            String connectionId = text(frame, "connectionId");
            if (connectionId == null || connectionId.isEmpty()) {
                throw new MalformedFrameException("connected without a connectionId");
            }
            return new ServerFrame.Connected(connectionId, text(frame, "userId"), text(frame, "reconnectionToken"));
        }
        if ("disconnected".equals(event)) {
            return new ServerFrame.Disconnected(text(frame, "message"));
        }
        return new ServerFrame.Ignored("system/" + event);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
