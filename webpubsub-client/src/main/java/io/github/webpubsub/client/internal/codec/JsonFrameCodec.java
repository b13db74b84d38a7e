package io.github.webpubsub.client.internal.codec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/** The JSON subprotocols {@code json.webpubsub.azure.v1} and {@code json.reliable.webpubsub.azure.v1}. */
public final class JsonFrameCodec implements FrameCodec {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String subprotocol;
    private final boolean reliable;
    private final JsonFrameDecoder decoder;

    /** The codec of {@code json.reliable.webpubsub.azure.v1} when {@code reliable}, else of {@code json.webpubsub.azure.v1}. */
    public JsonFrameCodec(boolean reliable) {
        this.reliable = reliable;
        this.decoder = new JsonFrameDecoder(FACTORY, reliable);
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
            } else if (frame instanceof ClientFrame.Invoke invoke) {
                json.writeStringField("type", "invoke");
                json.writeStringField("invocationId", invoke.invocationId());
                json.writeStringField("target", "event");
                json.writeStringField("event", invoke.event());
                writeData(json, invoke.data());
            } else if (frame instanceof ClientFrame.CancelInvocation cancel) {
                json.writeStringField("type", "cancelInvocation");
                json.writeStringField("invocationId", cancel.invocationId());
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
            case BINARY, PROTOBUF -> json.writeString(Base64.getEncoder().encodeToString(data.asBytes()));
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
        return decoder.decode(text);
    }

    @Override
    public ServerFrame decode(Buffer binary) {
        return decoder.decode(binary.toString(StandardCharsets.UTF_8));
    }
}
