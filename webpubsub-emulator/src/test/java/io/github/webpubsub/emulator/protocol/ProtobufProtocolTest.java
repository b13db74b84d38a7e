package io.github.webpubsub.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.protocol.protobuf.DownstreamMessage;
import io.github.webpubsub.emulator.protocol.protobuf.MessageData;
import io.github.webpubsub.emulator.protocol.protobuf.UpstreamMessage;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** protobuf.webpubsub.azure.v1 and protobuf.reliable.webpubsub.azure.v1, frame by frame, beside JSON clients. */
class ProtobufProtocolTest {

    private static final String RELIABLE = "protobuf.reliable.webpubsub.azure.v1";
    private static final String PLAIN = "protobuf.webpubsub.azure.v1";
    private static final List<String> ROLES = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private static RawClient client(String user, String subprotocol) {
        return RawClient.connect(emulator.get().clientAccessUrl("hub", user, ROLES, List.of()), subprotocol);
    }

    private static List<DownstreamMessage> decoded(RawClient client) {
        return client.binaries().stream().map(bytes -> {
            try {
                return DownstreamMessage.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("The emulator sent a frame that is not a DownstreamMessage", e);
            }
        }).toList();
    }

    private static DownstreamMessage await(RawClient client, Predicate<DownstreamMessage> match) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> decoded(client).stream().anyMatch(match));
        return decoded(client).stream().filter(match).findFirst().orElseThrow();
    }

    private static DownstreamMessage ack(RawClient client, long ackId) {
        return await(client, m -> m.hasAckMessage() && m.getAckMessage().getAckId() == ackId);
    }

    private static List<DownstreamMessage.DataMessage> data(RawClient client) {
        return decoded(client).stream().filter(DownstreamMessage::hasDataMessage).map(DownstreamMessage::getDataMessage).toList();
    }

    private static void join(RawClient client, String group, long ackId) {
        client.send(Buffer.buffer(UpstreamMessage.newBuilder().setJoinGroupMessage(
                UpstreamMessage.JoinGroupMessage.newBuilder().setGroup(group).setAckId(ackId)).build().toByteArray()));
        assertThat(ack(client, ackId).getAckMessage().getSuccess()).isTrue();
    }

    private static void publish(RawClient client, String group, long ackId, MessageData data) {
        client.send(Buffer.buffer(UpstreamMessage.newBuilder().setSendToGroupMessage(UpstreamMessage.SendToGroupMessage
                .newBuilder().setGroup(group).setAckId(ackId).setData(data)).build().toByteArray()));
    }

    @Test
    void aProtobufSubscriberGetsTextAndJsonAsTextDataBinaryAsBinaryDataAndProtobufAsAnAny() {
        Any any = Any.pack(StringValue.of("typed"));
        try (RawClient proto = client("p", RELIABLE); RawClient json = RawClient.reliable(
                emulator.get().clientAccessUrl("hub", "j", ROLES, List.of()))) {
            assertThat(proto.subprotocol()).isEqualTo(RELIABLE);
            DownstreamMessage.SystemMessage.ConnectedMessage connected = await(proto, DownstreamMessage::hasSystemMessage)
                    .getSystemMessage().getConnectedMessage();
            assertThat(connected.getConnectionId()).isNotEmpty();
            assertThat(connected.getUserId()).isEqualTo("p");
            assertThat(connected.getReconnectionToken()).isNotEmpty();
            join(proto, "g", 1);
            json.connected();
            String base64Any = Base64.getEncoder().encodeToString(any.toByteArray());
            json.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("dataType", "text").put("data", "hi"));
            json.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("dataType", "json")
                    .put("data", new JsonObject().put("a", 1)));
            json.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("dataType", "binary").put("data", "AQID"));
            json.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("dataType", "protobuf").put("data", base64Any));

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> data(proto).size() == 4);
            List<DownstreamMessage.DataMessage> received = data(proto);
            assertThat(received).extracting(DownstreamMessage.DataMessage::getFrom).containsOnly("group");
            assertThat(received).extracting(DownstreamMessage.DataMessage::getGroup).containsOnly("g");
            assertThat(received).extracting(DownstreamMessage.DataMessage::getSequenceId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(received.get(0).getData().getTextData()).isEqualTo("hi");
            assertThat(new JsonObject(received.get(1).getData().getTextData())).isEqualTo(new JsonObject().put("a", 1));
            assertThat(received.get(2).getData().getBinaryData().toByteArray()).containsExactly(1, 2, 3);
            assertThat(received.get(3).getData().getProtobufData()).isEqualTo(any);

            // A sequence ack in protobuf (upstream field 8) empties the buffer the trace and REST report.
            proto.send(Buffer.buffer(UpstreamMessage.newBuilder().setSequenceAckMessage(
                    UpstreamMessage.SequenceAckMessage.newBuilder().setSequenceId(4)).build().toByteArray()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emulator.get().connections("hub").stream()
                    .filter(c -> "p".equals(c.userId())).allMatch(c -> c.unacked() == 0));
        }
    }

    @Test
    void aJsonSubscriberGetsProtobufDataAsDataTypeProtobufInBase64() {
        Any any = Any.pack(StringValue.of("typed"));
        try (RawClient proto = client("p", PLAIN); RawClient json = RawClient.reliable(
                emulator.get().clientAccessUrl("hub", "j", ROLES, List.of()))) {
            await(proto, DownstreamMessage::hasSystemMessage);
            json.connected();
            json.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 1));
            json.ack(1);
            publish(proto, "g", 1, MessageData.newBuilder().setTextData("hello").build());
            publish(proto, "g", 2, MessageData.newBuilder().setBinaryData(ByteString.copyFrom(new byte[] {4, 5})).build());
            publish(proto, "g", 3, MessageData.newBuilder().setProtobufData(any).build());
            ack(proto, 3);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json.messages().size() == 3);
            List<JsonObject> received = json.messages();
            assertThat(received).extracting(m -> m.getString("dataType")).containsExactly("text", "binary", "protobuf");
            assertThat(received.get(0).getString("data")).isEqualTo("hello");
            assertThat(received.get(1).getString("data")).isEqualTo("BAU=");
            assertThat(Base64.getDecoder().decode(received.get(2).getString("data"))).isEqualTo(any.toByteArray());
            assertThat(received).extracting(m -> m.getString("fromUserId")).containsOnly("p");
        }
    }

    @Test
    void theNonReliableProtocolHasNoTokenNoSequenceIdsAndRefusesSequenceAcks() {
        try (RawClient proto = client("p", PLAIN)) {
            assertThat(await(proto, DownstreamMessage::hasSystemMessage).getSystemMessage().getConnectedMessage()
                    .getReconnectionToken()).isEmpty();
            join(proto, "g", 1);
            publish(proto, "g", 2, MessageData.newBuilder().setTextData("echo").build());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> data(proto).size() == 1);
            assertThat(data(proto).get(0).hasSequenceId()).isFalse();

            proto.send(Buffer.buffer(UpstreamMessage.newBuilder().setSequenceAckMessage(
                    UpstreamMessage.SequenceAckMessage.newBuilder().setSequenceId(1)).build().toByteArray()));
            proto.awaitClosed();
            assertThat(proto.closeCode()).isEqualTo((short) 1007);
        }
    }

    @Test
    void aFrameThatIsNotProtobufEndsItsConnectionAndItAloneWithAReason() {
        try (RawClient bad = client("bad", RELIABLE); RawClient text = client("text", RELIABLE);
                RawClient good = client("good", RELIABLE)) {
            await(bad, DownstreamMessage::hasSystemMessage);
            await(text, DownstreamMessage::hasSystemMessage);
            bad.send(Buffer.buffer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}));
            text.send("{\"type\":\"joinGroup\",\"group\":\"g\"}");
            bad.awaitClosed();
            text.awaitClosed();
            assertThat(bad.closeCode()).isEqualTo((short) 1007);
            assertThat(bad.closeReason()).contains("not a valid protobuf");
            assertThat(text.closeReason()).contains("binary frames only");
            // The disconnected notice came in protobuf too.
            assertThat(decoded(bad)).anyMatch(m -> m.hasSystemMessage() && m.getSystemMessage().hasDisconnectedMessage());
            join(good, "g", 1);
        }
    }

    @Test
    void theClientsAndTheEmulatorsProtoFilesDifferOnlyInTheirJavaPackage() throws Exception {
        String emulatorCopy = Files.readString(Path.of("src/main/proto/webpubsub.proto"), StandardCharsets.UTF_8);
        String clientCopy = Files.readString(Path.of("../webpubsub-client/src/main/proto/webpubsub.proto"), StandardCharsets.UTF_8);
        String packageLine = "(?m)^option java_package = .*$";
        assertThat(emulatorCopy.replaceAll(packageLine, "")).isEqualTo(clientCopy.replaceAll(packageLine, ""));
        assertThat(emulatorCopy).contains("SequenceAckMessage sequence_ack_message = 8;");
    }
}
