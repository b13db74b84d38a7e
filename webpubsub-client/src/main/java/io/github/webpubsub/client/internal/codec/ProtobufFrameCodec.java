package io.github.webpubsub.client.internal.codec;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.github.webpubsub.client.internal.codec.protobuf.DownstreamMessage;
import io.github.webpubsub.client.internal.codec.protobuf.UpstreamMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * The protobuf subprotocols {@code protobuf.webpubsub.azure.v1} and {@code protobuf.reliable.webpubsub.azure.v1}, in
 * binary frames, with the messages generated from {@code src/main/proto/webpubsub.proto} by protobuf-java. Loaded by
 * name from {@link FrameCodec#of}, so that nothing on the JSON path needs protobuf-java.
 * <p>
 * The protobuf protocols have no json data type: JSON data goes out as {@code text_data} holding its text, and
 * arrives as text, as the service documents. They have no {@code invoke} either.
 */
public final class ProtobufFrameCodec implements FrameCodec {

    private final boolean reliable;
    private final String subprotocol;

    /** The codec of {@code protobuf.reliable.webpubsub.azure.v1} when {@code reliable}, else {@code protobuf.webpubsub.azure.v1}. */
    public ProtobufFrameCodec(boolean reliable) {
        this.reliable = reliable;
        this.subprotocol = (reliable ? WebPubSubProtocol.PROTOBUF_RELIABLE : WebPubSubProtocol.PROTOBUF).subprotocol();
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
        UpstreamMessage.Builder out = UpstreamMessage.newBuilder();
        if (frame instanceof ClientFrame.JoinGroup join) {
            UpstreamMessage.JoinGroupMessage.Builder message = UpstreamMessage.JoinGroupMessage.newBuilder().setGroup(join.group());
            if (join.ackId() != null) {
                message.setAckId(join.ackId());
            }
            out.setJoinGroupMessage(message);
        } else if (frame instanceof ClientFrame.LeaveGroup leave) {
            UpstreamMessage.LeaveGroupMessage.Builder message = UpstreamMessage.LeaveGroupMessage.newBuilder().setGroup(leave.group());
            if (leave.ackId() != null) {
                message.setAckId(leave.ackId());
            }
            out.setLeaveGroupMessage(message);
        } else if (frame instanceof ClientFrame.SendToGroup send) {
            UpstreamMessage.SendToGroupMessage.Builder message = UpstreamMessage.SendToGroupMessage.newBuilder()
                    .setGroup(send.group()).setData(data(send.data()));
            if (send.ackId() != null) {
                message.setAckId(send.ackId());
            }
            if (send.noEcho()) {
                message.setNoEcho(true);
            }
            out.setSendToGroupMessage(message);
        } else if (frame instanceof ClientFrame.SendEvent event) {
            UpstreamMessage.EventMessage.Builder message = UpstreamMessage.EventMessage.newBuilder()
                    .setEvent(event.event()).setData(data(event.data()));
            if (event.ackId() != null) {
                message.setAckId(event.ackId());
            }
            out.setEventMessage(message);
        } else if (frame instanceof ClientFrame.SequenceAck ack) {
            out.setSequenceAckMessage(UpstreamMessage.SequenceAckMessage.newBuilder().setSequenceId(ack.sequenceId()));
        } else {
            throw new IllegalArgumentException("The protobuf subprotocols have no " + frame.getClass().getSimpleName()
                    + " request: use a JSON protocol for it");
        }
        return WebSocketFrame.binaryFrame(Buffer.buffer(out.build().toByteArray()), true);
    }

    private static io.github.webpubsub.client.internal.codec.protobuf.MessageData data(MessageData data) {
        io.github.webpubsub.client.internal.codec.protobuf.MessageData.Builder out =
                io.github.webpubsub.client.internal.codec.protobuf.MessageData.newBuilder();
        switch (data.type()) {
            case TEXT, JSON -> out.setTextData(data.asText());
            case BINARY -> out.setBinaryData(ByteString.copyFrom(data.asBytes()));
            case PROTOBUF -> {
                try {
                    out.setProtobufData(Any.parseFrom(data.asBytes()));
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalArgumentException("Protobuf data is not the bytes of a google.protobuf.Any");
                }
            }
        }
        return out.build();
    }

    /** A text frame has no meaning on a protobuf subprotocol. */
    @Override
    public ServerFrame decode(String text) {
        throw new MalformedFrameException("a text frame on a protobuf subprotocol");
    }

    @Override
    public ServerFrame decode(Buffer binary) {
        DownstreamMessage message;
        try {
            message = DownstreamMessage.parseFrom(binary.getBytes());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedFrameException("not a protobuf DownstreamMessage");
        }
        return switch (message.getMessageCase()) {
            case ACK_MESSAGE -> ack(message.getAckMessage());
            case DATA_MESSAGE -> data(message.getDataMessage());
            case SYSTEM_MESSAGE -> system(message.getSystemMessage());
            // An unknown oneof field parses as an unknown field: a newer message, ignored for forward compatibility.
            case MESSAGE_NOT_SET -> new ServerFrame.Ignored("protobuf/unknown");
        };
    }

    private static ServerFrame ack(DownstreamMessage.AckMessage ack) {
        if (ack.getSuccess()) {
            return new ServerFrame.Ack(ack.getAckId(), true, null, null);
        }
        String name = ack.hasError() ? ack.getError().getName() : "";
        String message = ack.hasError() && !ack.getError().getMessage().isEmpty() ? ack.getError().getMessage() : null;
        if (name.isBlank()) {
            return new ServerFrame.Ack(ack.getAckId(), false, ServerFrame.Ack.UNNAMED_ERROR,
                    message != null ? message : "The service's ack named no error");
        }
        return new ServerFrame.Ack(ack.getAckId(), false, name, message);
    }

    private ServerFrame data(DownstreamMessage.DataMessage message) {
        Long sequenceId = null;
        if (reliable && message.hasSequenceId()) {
            long id = message.getSequenceId();
            if (id < 1 || id > JsonFrameDecoder.MAX_SEQUENCE_ID) {
                throw new MalformedFrameException("message whose sequenceId " + Long.toUnsignedString(id)
                        + " is outside 1 to 2^53 - 1");
            }
            sequenceId = id;
        }
        MessageData data = switch (message.getData().getDataCase()) {
            case TEXT_DATA -> MessageData.text(message.getData().getTextData());
            case BINARY_DATA -> MessageData.binary(message.getData().getBinaryData().toByteArray());
            case PROTOBUF_DATA -> MessageData.protobuf(message.getData().getProtobufData().toByteArray());
            case DATA_NOT_SET -> throw new MalformedFrameException("message without data", sequenceId);
        };
        if ("group".equals(message.getFrom())) {
            if (!message.hasGroup()) {
                throw new MalformedFrameException("group message without a group", sequenceId);
            }
            return new ServerFrame.GroupMessage(message.getGroup(), null, data, sequenceId);
        }
        if ("server".equals(message.getFrom())) {
            return new ServerFrame.ServerMessage(data, sequenceId);
        }
        throw new MalformedFrameException(message.getFrom().isEmpty() ? "message without 'from'"
                : "message from '" + message.getFrom() + "'", sequenceId);
    }

    private static ServerFrame system(DownstreamMessage.SystemMessage system) {
        return switch (system.getMessageCase()) {
            case CONNECTED_MESSAGE -> {
                DownstreamMessage.SystemMessage.ConnectedMessage connected = system.getConnectedMessage();
                if (connected.getConnectionId().isEmpty()) {
                    throw new MalformedFrameException("connected without a connectionId");
                }
                yield new ServerFrame.Connected(connected.getConnectionId(),
                        connected.getUserId().isEmpty() ? null : connected.getUserId(),
                        connected.getReconnectionToken().isEmpty() ? null : connected.getReconnectionToken());
            }
            case DISCONNECTED_MESSAGE -> new ServerFrame.Disconnected(system.getDisconnectedMessage().getReason());
            case MESSAGE_NOT_SET -> new ServerFrame.Ignored("protobuf/system/unknown");
        };
    }
}
