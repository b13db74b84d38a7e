package io.github.webpubsub.client.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.MessageData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** The JSON frames, as the protocol reference spells them. */
class JsonFrameCodecTest {

    private final JsonFrameCodec reliable = new JsonFrameCodec(true);
    private final JsonFrameCodec plain = new JsonFrameCodec(false);

    private JsonObject encode(ClientFrame frame) {
        return new JsonObject(reliable.encode(frame).textData());
    }

    @Test
    void requestsCarryTheirFields() {
        assertThat(encode(new ClientFrame.JoinGroup("g", 1L)))
                .isEqualTo(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 1));
        assertThat(encode(new ClientFrame.LeaveGroup("g", null)))
                .isEqualTo(new JsonObject().put("type", "leaveGroup").put("group", "g"));
        assertThat(encode(new ClientFrame.SendToGroup("g", MessageData.json("{\"a\":1}"), true, 7L)))
                .isEqualTo(new JsonObject().put("type", "sendToGroup").put("group", "g").put("ackId", 7)
                        .put("noEcho", true).put("dataType", "json").put("data", new JsonObject().put("a", 1)));
        assertThat(encode(new ClientFrame.SendEvent("e", MessageData.binary(new byte[] {1, 2}), 8L)))
                .isEqualTo(new JsonObject().put("type", "event").put("event", "e").put("ackId", 8)
                        .put("dataType", "binary").put("data", "AQI="));
        assertThat(encode(new ClientFrame.SequenceAck(42)))
                .isEqualTo(new JsonObject().put("type", "sequenceAck").put("sequenceId", 42));
    }

    @Test
    void jsonDataMustBeOneJsonValue() {
        assertThatThrownBy(() -> reliable.encode(new ClientFrame.SendToGroup("g", MessageData.json("{"), false, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reliable.encode(new ClientFrame.SendToGroup("g", MessageData.json("1 2"), false, 1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(encode(new ClientFrame.SendToGroup("g", MessageData.json("\"s\""), false, 1L)).getString("data"))
                .isEqualTo("s");
    }

    @Test
    void framesFromTheServiceAreDecoded() {
        assertThat(decode("{\"type\":\"ack\",\"ackId\":3,\"success\":false,\"error\":{\"name\":\"Forbidden\",\"message\":\"no\"}}"))
                .isEqualTo(new ServerFrame.Ack(3, false, "Forbidden", "no"));
        assertThat(decode("{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"fromUserId\":\"u\",\"dataType\":\"json\",\"data\":{\"x\":[1]},\"sequenceId\":5}"))
                .isEqualTo(new ServerFrame.GroupMessage("g", "u", MessageData.json("{\"x\":[1]}"), 5L));
        assertThat(decode("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"protobuf\",\"data\":\"AQI=\",\"sequenceId\":6}"))
                .isEqualTo(new ServerFrame.ServerMessage(MessageData.binary(new byte[] {1, 2}), 6L));
        assertThat(decode("{\"type\":\"system\",\"event\":\"connected\",\"connectionId\":\"c\",\"userId\":null,\"reconnectionToken\":\"t\"}"))
                .isEqualTo(new ServerFrame.Connected("c", null, "t"));
        assertThat(decode("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"bye\"}"))
                .isEqualTo(new ServerFrame.Disconnected("bye"));
        assertThat(decode("{\"type\":\"pong\"}")).isEqualTo(new ServerFrame.Ignored("pong"));
    }

    @Test
    void theNonReliableProtocolIgnoresSequenceIds() {
        assertThat(plain.decode(Buffer.buffer("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"t\",\"sequenceId\":5}")))
                .isEqualTo(new ServerFrame.ServerMessage(MessageData.text("t"), null));
    }

    @Test
    void malformedFramesAreRefusedWithAReason() {
        assertThatThrownBy(() -> decode("not json")).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> decode("[1]")).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> decode("{\"type\":\"ack\"}")).hasMessageContaining("ackId");
        assertThatThrownBy(() -> decode("{\"type\":\"message\",\"from\":\"group\",\"dataType\":\"text\",\"data\":\"x\"}"))
                .hasMessageContaining("group");
        assertThatThrownBy(() -> decode("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"binary\",\"data\":\"***\"}"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> decode("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"xml\",\"data\":\"x\"}"))
                .hasMessageContaining("xml");
    }

    private ServerFrame decode(String json) {
        return reliable.decode(Buffer.buffer(json));
    }
}
