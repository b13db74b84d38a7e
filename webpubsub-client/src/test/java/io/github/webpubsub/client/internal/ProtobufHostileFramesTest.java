package io.github.webpubsub.client.internal;

import static io.github.webpubsub.client.internal.EngineHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.github.webpubsub.client.internal.codec.protobuf.DownstreamMessage;
import io.github.webpubsub.client.internal.codec.protobuf.MessageData;
import io.github.webpubsub.client.internal.fake.FakeTransport;
import io.github.webpubsub.client.support.CapturedLog;
import io.vertx.core.buffer.Buffer;

/** Bad frames on protobuf.reliable: each is reported, counted and logged without its content, and skipped. */
class ProtobufHostileFramesTest {

    private static final String CONTENT = "CONTENT-MUST-NOT-BE-LOGGED";

    private static Buffer groupText(String text, long sequenceId) {
        return Buffer.buffer(DownstreamMessage.newBuilder().setDataMessage(DownstreamMessage.DataMessage.newBuilder()
                .setFrom("group").setGroup("g").setSequenceId(sequenceId)
                .setData(MessageData.newBuilder().setTextData(text))).build().toByteArray());
    }

    static Stream<Arguments> malformed() {
        byte[] content = CONTENT.getBytes(StandardCharsets.UTF_8);
        byte[] truncated = groupText(CONTENT, 1).getBytes(0, 12);
        byte[] garbage = new byte[content.length + 2];
        garbage[0] = (byte) 0xff;
        garbage[1] = (byte) 0xff;
        System.arraycopy(content, 0, garbage, 2, content.length);
        return Stream.of(
                Arguments.of("bytes that are not protobuf", garbage, null),
                Arguments.of("a truncated data message", truncated, null),
                Arguments.of("a data message without data", DownstreamMessage.newBuilder().setDataMessage(
                        DownstreamMessage.DataMessage.newBuilder().setFrom("group").setGroup("g").setSequenceId(1))
                        .build().toByteArray(), 1L),
                Arguments.of("a message from a stranger", DownstreamMessage.newBuilder().setDataMessage(
                        DownstreamMessage.DataMessage.newBuilder().setFrom("mars").setSequenceId(1)
                                .setData(MessageData.newBuilder().setTextData("x"))).build().toByteArray(), 1L),
                Arguments.of("a sequenceId of 0", DownstreamMessage.newBuilder().setDataMessage(
                        DownstreamMessage.DataMessage.newBuilder().setFrom("server").setSequenceId(0)
                                .setData(MessageData.newBuilder().setTextData(CONTENT))).build().toByteArray(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedProtobufFrameIsReportedAndSkippedAndTheConnectionGoesOn(String kind, byte[] frame, Long sequenceId)
            throws Exception {
        CapturedLog log = new CapturedLog();
        try (log; EngineHarness engine = new EngineHarness(WebPubSubProtocol.PROTOBUF_RELIABLE, options -> options)) {
            CompletableFuture<Void> start = engine.client.start();
            FakeTransport socket = engine.sockets.nextOpen(WAIT).accept();
            socket.receive(Buffer.buffer(DownstreamMessage.newBuilder().setSystemMessage(DownstreamMessage.SystemMessage
                    .newBuilder().setConnectedMessage(DownstreamMessage.SystemMessage.ConnectedMessage.newBuilder()
                            .setConnectionId("c1").setUserId("alice").setReconnectionToken("token-1"))).build().toByteArray()));
            start.get(5, TimeUnit.SECONDS);

            socket.receive(Buffer.buffer(frame));
            socket.receive(groupText("good", 2));

            await().until(() -> engine.events.groupTexts().contains("good"));
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).singleElement().satisfies(malformed -> {
                assertThat(malformed.connectionId()).isEqualTo("c1");
                assertThat(malformed.sequenceId()).isEqualTo(sequenceId);
                assertThat(malformed.reason()).isNotBlank().doesNotContain(CONTENT);
            });
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTED);
            // The sequence ack goes out in protobuf too, covering the good message.
            await().until(() -> !socket.writtenBinary().isEmpty());
        }
        assertThat(log.linesWith("malformed frame")).singleElement().asString().contains(" ERROR ");
        assertThat(log.text()).doesNotContain(CONTENT);
    }
}
