package io.github.webpubsub.emulator.protocol;

import java.util.Base64;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.github.webpubsub.emulator.protocol.protobuf.DownstreamMessage;
import io.github.webpubsub.emulator.protocol.protobuf.MessageData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The protobuf form of the emulator's downstream frames. Frames are made once, as JSON (a fan-out encodes a message
 * once for every JSON subscriber, and the reliable buffer keeps them); a protobuf connection gets each one in
 * protobuf as it is written. Cross-protocol data follows the service's docs: text and json data travel as
 * {@code text_data} (json as its serialized text), binary as {@code binary_data}, protobuf as {@code protobuf_data}.
 */
public final class ProtobufFrames {

    private ProtobufFrames() {
    }

    /**
     * The protobuf frame for a JSON frame, or {@code null} for a frame the protobuf protocols do not have
     * ({@code pong}, {@code invokeResponse}): those are not sent to protobuf clients.
     */
    public static Buffer fromJson(String jsonFrame) {
        JsonObject frame = new JsonObject(jsonFrame);
        DownstreamMessage.Builder out = DownstreamMessage.newBuilder();
        switch (String.valueOf(frame.getString("type"))) {
            case "ack" -> {
                DownstreamMessage.AckMessage.Builder ack = DownstreamMessage.AckMessage.newBuilder()
                        .setAckId(frame.getLong("ackId")).setSuccess(frame.getBoolean("success"));
                JsonObject error = frame.getJsonObject("error");
                if (error != null) {
                    ack.setError(DownstreamMessage.AckMessage.ErrorMessage.newBuilder()
                            .setName(String.valueOf(error.getString("name"))).setMessage(String.valueOf(error.getString("message"))));
                }
                out.setAckMessage(ack);
            }
            case "message" -> {
                DownstreamMessage.DataMessage.Builder data = DownstreamMessage.DataMessage.newBuilder()
                        .setFrom(frame.getString("from")).setData(data(frame));
                if (frame.getString("group") != null) {
                    data.setGroup(frame.getString("group"));
                }
                if (frame.getLong("sequenceId") != null) {
                    data.setSequenceId(frame.getLong("sequenceId"));
                }
                out.setDataMessage(data);
            }
            case "system" -> {
                DownstreamMessage.SystemMessage.Builder system = DownstreamMessage.SystemMessage.newBuilder();
                if ("connected".equals(frame.getString("event"))) {
                    DownstreamMessage.SystemMessage.ConnectedMessage.Builder connected =
                            DownstreamMessage.SystemMessage.ConnectedMessage.newBuilder()
                                    .setConnectionId(frame.getString("connectionId"));
                    if (frame.getString("userId") != null) {
                        connected.setUserId(frame.getString("userId"));
                    }
                    if (frame.getString("reconnectionToken") != null) {
                        connected.setReconnectionToken(frame.getString("reconnectionToken"));
                    }
                    system.setConnectedMessage(connected);
                } else {
                    system.setDisconnectedMessage(DownstreamMessage.SystemMessage.DisconnectedMessage.newBuilder()
                            .setReason(String.valueOf(frame.getString("message"))));
                }
                out.setSystemMessage(system);
            }
            default -> {
                return null;
            }
        }
        return Buffer.buffer(out.build().toByteArray());
    }

    private static MessageData data(JsonObject frame) {
        DataType type = DataType.fromWire(frame.getString("dataType"));
        Object value = frame.getValue("data");
        return switch (type == null ? DataType.JSON : type) {
            case TEXT -> MessageData.newBuilder().setTextData((String) value).build();
            case JSON -> MessageData.newBuilder().setTextData(Json.encode(value)).build();
            case BINARY -> MessageData.newBuilder()
                    .setBinaryData(ByteString.copyFrom(Base64.getDecoder().decode((String) value))).build();
            case PROTOBUF -> {
                byte[] bytes = Base64.getDecoder().decode((String) value);
                try {
                    yield MessageData.newBuilder().setProtobufData(Any.parseFrom(bytes)).build();
                } catch (InvalidProtocolBufferException e) {
                    // A JSON client may call any bytes protobuf: what is not an Any still reaches the client, as bytes.
                    yield MessageData.newBuilder().setBinaryData(ByteString.copyFrom(bytes)).build();
                }
            }
        };
    }
}
