package io.github.webpubsub.client.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.StringValue;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.github.webpubsub.client.internal.codec.protobuf.DownstreamMessage;
import io.github.webpubsub.client.internal.codec.protobuf.UpstreamMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/** The protobuf codec against the generated messages: every request out, every frame in. */
class ProtobufFrameCodecTest {

    private final FrameCodec reliable = FrameCodec.of(WebPubSubProtocol.PROTOBUF_RELIABLE);
    private final FrameCodec plain = FrameCodec.of(WebPubSubProtocol.PROTOBUF);

    private static UpstreamMessage sent(WebSocketFrame frame) throws Exception {
        assertThat(frame.isBinary()).isTrue();
        return UpstreamMessage.parseFrom(frame.binaryData().getBytes());
    }

    private static Buffer frame(DownstreamMessage message) {
        return Buffer.buffer(message.toByteArray());
    }

    @Test
    void theCodecsSpeakTheTwoProtobufSubprotocols() {
        assertThat(reliable).isInstanceOf(ProtobufFrameCodec.class);
        assertThat(reliable.subprotocol()).isEqualTo("protobuf.reliable.webpubsub.azure.v1");
        assertThat(reliable.reliable()).isTrue();
        assertThat(plain.subprotocol()).isEqualTo("protobuf.webpubsub.azure.v1");
        assertThat(plain.reliable()).isFalse();
    }

    @Test
    void requestsGoOutAsUpstreamMessagesWithTheDocumentedFields() throws Exception {
        Any any = Any.pack(StringValue.of("v"));
        UpstreamMessage send = sent(reliable.encode(new ClientFrame.SendToGroup("g", MessageData.protobuf(any.toByteArray()), true, 7L)));
        assertThat(send.getSendToGroupMessage().getGroup()).isEqualTo("g");
        assertThat(send.getSendToGroupMessage().getAckId()).isEqualTo(7);
        assertThat(send.getSendToGroupMessage().getNoEcho()).isTrue();
        assertThat(send.getSendToGroupMessage().getData().getProtobufData()).isEqualTo(any);

        UpstreamMessage fireAndForget = sent(reliable.encode(new ClientFrame.SendToGroup("g", MessageData.text("t"), false, null)));
        assertThat(fireAndForget.getSendToGroupMessage().hasAckId()).isFalse();
        assertThat(fireAndForget.getSendToGroupMessage().hasNoEcho()).isFalse();
        assertThat(fireAndForget.getSendToGroupMessage().getData().getTextData()).isEqualTo("t");

        UpstreamMessage json = sent(reliable.encode(new ClientFrame.SendEvent("e", MessageData.json("{\"a\":1}"), 3L)));
        assertThat(json.getEventMessage().getEvent()).isEqualTo("e");
        assertThat(json.getEventMessage().getAckId()).isEqualTo(3);
        assertThat(json.getEventMessage().getData().getTextData()).isEqualTo("{\"a\":1}");

        UpstreamMessage binary = sent(reliable.encode(new ClientFrame.SendEvent("e", MessageData.binary(new byte[] {1, 2}), null)));
        assertThat(binary.getEventMessage().getData().getBinaryData().toByteArray()).containsExactly(1, 2);

        assertThat(sent(reliable.encode(new ClientFrame.JoinGroup("g", 1L))).getJoinGroupMessage().getAckId()).isEqualTo(1);
        assertThat(sent(reliable.encode(new ClientFrame.LeaveGroup("g", 2L))).getLeaveGroupMessage().getGroup()).isEqualTo("g");
        // Field 8, as Microsoft's own protobuf client has it: the reliable doc leaves it out of the oneof.
        UpstreamMessage ack = sent(reliable.encode(new ClientFrame.SequenceAck(42)));
        assertThat(ack.getMessageCase().getNumber()).isEqualTo(8);
        assertThat(ack.getSequenceAckMessage().getSequenceId()).isEqualTo(42);
    }

    @Test
    void requestsTheProtobufProtocolsDoNotHaveAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> reliable.encode(new ClientFrame.Invoke("1", "e", MessageData.text("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invoke");
        assertThatThrownBy(() -> reliable.encode(new ClientFrame.SendToGroup("g", MessageData.protobuf(new byte[] {(byte) 0xff}), false, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("google.protobuf.Any");
    }

    @Test
    void framesComeInAsTheSameServerFramesAsJson() {
        Any any = Any.pack(StringValue.of("v"));
        ServerFrame group = reliable.decode(frame(DownstreamMessage.newBuilder().setDataMessage(DownstreamMessage.DataMessage
                .newBuilder().setFrom("group").setGroup("g").setSequenceId(5).setData(io.github.webpubsub.client.internal.codec.protobuf
                        .MessageData.newBuilder().setProtobufData(any))).build()));
        assertThat(group).isEqualTo(new ServerFrame.GroupMessage("g", null, MessageData.protobuf(any.toByteArray()), 5L));

        ServerFrame server = plain.decode(frame(DownstreamMessage.newBuilder().setDataMessage(DownstreamMessage.DataMessage
                .newBuilder().setFrom("server").setSequenceId(9).setData(io.github.webpubsub.client.internal.codec.protobuf
                        .MessageData.newBuilder().setBinaryData(ByteString.copyFrom(new byte[] {3})))).build()));
        // The non-reliable protocol has no sequence ids, whatever the frame says.
        assertThat(server).isEqualTo(new ServerFrame.ServerMessage(MessageData.binary(new byte[] {3}), null));

        ServerFrame ack = reliable.decode(frame(DownstreamMessage.newBuilder().setAckMessage(DownstreamMessage.AckMessage
                .newBuilder().setAckId(4).setSuccess(false).setError(DownstreamMessage.AckMessage.ErrorMessage.newBuilder()
                        .setName("Forbidden").setMessage("no"))).build()));
        assertThat(ack).isEqualTo(new ServerFrame.Ack(4, false, "Forbidden", "no"));
        ServerFrame unnamed = reliable.decode(frame(DownstreamMessage.newBuilder().setAckMessage(DownstreamMessage.AckMessage
                .newBuilder().setAckId(5).setSuccess(false)).build()));
        assertThat(((ServerFrame.Ack) unnamed).errorName()).isEqualTo(ServerFrame.Ack.UNNAMED_ERROR);

        ServerFrame connected = reliable.decode(frame(DownstreamMessage.newBuilder().setSystemMessage(DownstreamMessage.SystemMessage
                .newBuilder().setConnectedMessage(DownstreamMessage.SystemMessage.ConnectedMessage.newBuilder()
                        .setConnectionId("c1").setReconnectionToken("t"))).build()));
        assertThat(connected).isEqualTo(new ServerFrame.Connected("c1", null, "t"));
        ServerFrame disconnected = reliable.decode(frame(DownstreamMessage.newBuilder().setSystemMessage(DownstreamMessage.SystemMessage
                .newBuilder().setDisconnectedMessage(DownstreamMessage.SystemMessage.DisconnectedMessage.newBuilder()
                        .setReason("bye"))).build()));
        assertThat(disconnected).isEqualTo(new ServerFrame.Disconnected("bye"));
    }

    @Test
    void whatIsNotAValidFrameIsMalformedAndANewerMessageIsIgnored() {
        assertThatThrownBy(() -> reliable.decode(Buffer.buffer(new byte[] {(byte) 0xff, (byte) 0xff})))
                .isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> reliable.decode("{\"type\":\"ack\"}")).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("text frame");
        assertThatThrownBy(() -> reliable.decode(frame(DownstreamMessage.newBuilder().setDataMessage(DownstreamMessage
                .DataMessage.newBuilder().setFrom("group").setSequenceId(3)).build())))
                .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.sequenceId()).isEqualTo(3L));
        assertThatThrownBy(() -> reliable.decode(frame(DownstreamMessage.newBuilder().setSystemMessage(DownstreamMessage
                .SystemMessage.newBuilder().setConnectedMessage(DownstreamMessage.SystemMessage.ConnectedMessage.newBuilder()))
                .build()))).isInstanceOf(MalformedFrameException.class);
        // Field 15 of DownstreamMessage, length-delimited: a message type this client does not know.
        assertThat(reliable.decode(Buffer.buffer(new byte[] {0x7a, 0x00}))).isInstanceOf(ServerFrame.Ignored.class);
    }
}
