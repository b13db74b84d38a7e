package io.github.webpubsub.emulator.protocol;

import java.util.Base64;

import com.google.protobuf.InvalidProtocolBufferException;

import io.github.webpubsub.emulator.protocol.protobuf.MessageData;
import io.github.webpubsub.emulator.protocol.protobuf.UpstreamMessage;
import io.vertx.core.buffer.Buffer;

/**
 * Decodes client frames of the protobuf subprotocols into the same requests as the JSON ones, and rejects malformed
 * ones with the reason the client is told, as {@link ClientRequestParser} does.
 */
public final class ProtobufRequestParser {

    private ProtobufRequestParser() {
    }

    public static ClientRequest parse(Buffer bytes, boolean reliable) throws ProtocolViolation {
        UpstreamMessage message;
        try {
            message = UpstreamMessage.parseFrom(bytes.getBytes());
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolViolation("The client message is not a valid protobuf protocol message.");
        }
        return switch (message.getMessageCase()) {
            case SEND_TO_GROUP_MESSAGE -> {
                UpstreamMessage.SendToGroupMessage send = message.getSendToGroupMessage();
                yield new ClientRequest.SendToGroup(ClientRequestParser.validateGroup(send.getGroup()),
                        send.hasAckId() ? send.getAckId() : null, send.hasNoEcho() && send.getNoEcho(),
                        payload(send.hasData() ? send.getData() : null));
            }
            case EVENT_MESSAGE -> {
                UpstreamMessage.EventMessage event = message.getEventMessage();
                if (event.getEvent().isBlank()) {
                    throw new ProtocolViolation("Missing required property 'event'.");
                }
                yield new ClientRequest.Event(event.getEvent(), event.hasAckId() ? event.getAckId() : null,
                        payload(event.hasData() ? event.getData() : null));
            }
            case JOIN_GROUP_MESSAGE -> new ClientRequest.JoinGroup(
                    ClientRequestParser.validateGroup(message.getJoinGroupMessage().getGroup()),
                    message.getJoinGroupMessage().hasAckId() ? message.getJoinGroupMessage().getAckId() : null);
            case LEAVE_GROUP_MESSAGE -> new ClientRequest.LeaveGroup(
                    ClientRequestParser.validateGroup(message.getLeaveGroupMessage().getGroup()),
                    message.getLeaveGroupMessage().hasAckId() ? message.getLeaveGroupMessage().getAckId() : null);
            case SEQUENCE_ACK_MESSAGE -> {
                if (!reliable) {
                    throw new ProtocolViolation("'sequenceAck' is only valid on the reliable subprotocol.");
                }
                yield new ClientRequest.SequenceAck(message.getSequenceAckMessage().getSequenceId());
            }
            case MESSAGE_NOT_SET -> throw new ProtocolViolation("The client message has no known request in it.");
        };
    }

    private static Payload payload(MessageData data) throws ProtocolViolation {
        if (data == null) {
            throw new ProtocolViolation("Missing required property 'data'.");
        }
        return switch (data.getDataCase()) {
            case TEXT_DATA -> new Payload(DataType.TEXT, data.getTextData());
            case BINARY_DATA -> new Payload(DataType.BINARY,
                    Base64.getEncoder().encodeToString(data.getBinaryData().toByteArray()));
            case PROTOBUF_DATA -> new Payload(DataType.PROTOBUF,
                    Base64.getEncoder().encodeToString(data.getProtobufData().toByteArray()));
            case DATA_NOT_SET -> throw new ProtocolViolation("Missing required property 'data'.");
        };
    }
}
