package io.github.webpubsub.client.internal;

import static io.github.webpubsub.client.internal.EngineHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.InvocationFailedException;
import io.github.webpubsub.client.InvokeResult;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.internal.fake.FakeTransport;
import io.github.webpubsub.client.support.CapturedLog;

/**
 * Every class of bad frame a broken or hostile service can send, each with its defined outcome. Malformed frames
 * are reported to the listeners, counted and logged, never silently dropped; ignorable ones are ignored; and in every
 * case the connection goes on and the next good message arrives.
 */
class HostileFramesTest {

    /** A marker in the frames' content: content must never reach a log. */
    private static final String CONTENT = "CONTENT-MUST-NOT-BE-LOGGED";


    private static String message(String sequenceId) {
        return "{\"type\":\"message\",\"from\":\"group\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\"" + CONTENT
                + "\"" + (sequenceId == null ? "" : ",\"sequenceId\":" + sequenceId) + "}";
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "this is not json " + CONTENT, null),
                Arguments.of("a JSON array", "[\"" + CONTENT + "\"]", null),
                Arguments.of("a JSON string", "\"" + CONTENT + "\"", null),
                Arguments.of("no type", "{\"data\":\"" + CONTENT + "\"}", null),
                Arguments.of("ack without ackId", "{\"type\":\"ack\",\"success\":true}", null),
                Arguments.of("ack with a string ackId", "{\"type\":\"ack\",\"ackId\":\"1\",\"success\":true}", null),
                Arguments.of("ack with a fractional ackId", "{\"type\":\"ack\",\"ackId\":1.5,\"success\":true}", null),
                Arguments.of("ack without success", "{\"type\":\"ack\",\"ackId\":99}", null),
                Arguments.of("message without from", "{\"type\":\"message\",\"dataType\":\"text\",\"data\":\"x\",\"sequenceId\":1}", 1L),
                Arguments.of("message from a stranger", "{\"type\":\"message\",\"from\":\"mars\",\"dataType\":\"text\",\"data\":\"x\",\"sequenceId\":1}", 1L),
                Arguments.of("group message without group", "{\"type\":\"message\",\"from\":\"group\",\"dataType\":\"text\",\"data\":\"x\",\"sequenceId\":1}", 1L),
                Arguments.of("message without data", "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"sequenceId\":1}", 1L),
                Arguments.of("unknown dataType", "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"xml\",\"data\":\"x\",\"sequenceId\":1}", 1L),
                Arguments.of("text data that is a number", "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":5,\"sequenceId\":1}", 1L),
                Arguments.of("binary data that is not base64", "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"binary\",\"data\":\"%%%\",\"sequenceId\":1}", 1L),
                Arguments.of("sequenceId 2^63-1", message("9223372036854775807"), null),
                Arguments.of("sequenceId beyond 2^53", message("9007199254740992"), null),
                Arguments.of("negative sequenceId", message("-4"), null),
                Arguments.of("zero sequenceId", message("0"), null),
                Arguments.of("string sequenceId", message("\"1\""), null),
                Arguments.of("fractional sequenceId", message("1.5"), null),
                Arguments.of("connected without connectionId", "{\"type\":\"system\",\"event\":\"connected\"}", null),
                Arguments.of("invokeResponse without invocationId", "{\"type\":\"invokeResponse\",\"success\":true,\"dataType\":\"text\",\"data\":\"" + CONTENT + "\"}", null),
                Arguments.of("invokeResponse with binary data that is not base64", "{\"type\":\"invokeResponse\",\"invocationId\":\"9\",\"success\":true,\"dataType\":\"binary\",\"data\":\"%%%\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedFrameIsReportedCountedAndLoggedWithoutItsContentAndTheConnectionGoesOn(String kind, String frame,
            Long sequenceId) throws Exception {
        CapturedLog log = new CapturedLog();
        try (log; EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.receive(frame);
            socket.groupMessage("g", "good", 2);

            await().until(() -> engine.events.groupTexts().contains("good"));
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).singleElement().satisfies(malformed -> {
                assertThat(malformed.connectionId()).isEqualTo("c1");
                assertThat(malformed.sequenceId()).isEqualTo(sequenceId);
                assertThat(malformed.reason()).isNotBlank().doesNotContain(CONTENT);
            });
            assertThat(engine.client.malformedMessages()).isEqualTo(1);
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTED);
            assertThat(engine.events.groupTexts()).containsExactly("good");
        }
        assertThat(log.linesWith("malformed frame")).singleElement().asString().contains(" ERROR ");
        assertThat(log.text()).doesNotContain(CONTENT);
    }

    @Test
    void aMalformedMessageWithAReadableSequenceIdIsAcknowledgedOnceReportedSoTheServiceDoesNotResendIt()
            throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.groupMessage("g", "one", 1);
            socket.receive("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"xml\",\"data\":\"x\",\"sequenceId\":2}");
            await().until(() -> socket.written("sequenceAck").contains("{\"type\":\"sequenceAck\",\"sequenceId\":2}"));
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).hasSize(1);
        }
    }

    @Test
    void anErrorAckWithoutAnErrorNameFailsTheSendAtOnceWithoutARetry() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setAckTimeout(Duration.ofSeconds(30)))) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> send = engine.client.sendToGroup("g", MessageData.text("x"));
            await().until(() -> socket.written("sendToGroup").size() == 1);
            socket.receive("{\"type\":\"ack\",\"ackId\":1,\"success\":false}");

            assertThatThrownBy(() -> send.get(2, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SendFailedException.class, e -> {
                        assertThat(e.errorName()).isEqualTo("UnnamedError");
                        assertThat(e.ackId()).isEqualTo(1L);
                        assertThat(e.fromService()).isTrue();
                    });
            assertThat(socket.written("sendToGroup")).hasSize(1);
        }
    }

    @Test
    void anInvokeResponseThatDoesNotSayWhetherItSucceededFailsItsInvocationAtOnce() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<InvokeResult> invocation = engine.client.invokeEvent("e", MessageData.text("x"));
            await().until(() -> socket.written("invoke").size() == 1);
            socket.receive("{\"type\":\"invokeResponse\",\"invocationId\":\"1\",\"data\":\"" + CONTENT + "\"}");
            assertThatThrownBy(() -> invocation.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).cause()
                    .isInstanceOfSatisfying(InvocationFailedException.class, e -> {
                        assertThat(e.errorName()).isEqualTo("InvalidResponse");
                        assertThat(e.invocationId()).isEqualTo("1");
                    });
            // A second answer to the same invocation finds nothing waiting and is ignored.
            socket.receive("{\"type\":\"invokeResponse\",\"invocationId\":\"1\",\"success\":true}");
            socket.groupMessage("g", "good", 1);
            await().until(() -> engine.events.groupTexts().contains("good"));
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).isEmpty();
        }
    }

    @Test
    void ignorableFramesAreIgnoredAndAcksForUnknownIdsChangeNothing() throws Exception {
        CapturedLog log = new CapturedLog();
        try (log; EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> send = engine.client.sendToGroup("g", MessageData.text("x"));
            await().until(() -> socket.written("sendToGroup").size() == 1);
            socket.receive("{\"type\":\"pong\"}");
            socket.receive("{\"type\":\"invokeResponse\",\"invocationId\":\"1\"}");
            socket.receive("{\"type\":\"system\",\"event\":\"somethingNew\"}");
            socket.receive("{\"type\":\"system\",\"event\":\"disconnected\"}");
            socket.ack(4242);
            socket.receive("{\"type\":\"ack\",\"ackId\":4343,\"success\":false,\"error\":{\"name\":\"Forbidden\","
                    + "\"message\":\"" + CONTENT + "\"}}");
            socket.receive("{\"type\":\"ack\",\"ackId\":-1,\"success\":true}");
            socket.groupMessage("g", "good", 1);

            await().until(() -> engine.events.groupTexts().contains("good"));
            assertThat(send).isNotDone();
            socket.ack(1);
            assertThat(send.get(2, TimeUnit.SECONDS).ackId()).isEqualTo(1L);
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).isEmpty();
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTED);
        }
        // An unknown ackId is worth a line, not an alarm: a late ack for a request that has already failed.
        for (String ackId : new String[] {"4242", "4343", "-1"}) {
            assertThat(log.linesWith("Ignored an ack for ackId " + ackId + ",")).singleElement().asString()
                    .contains(" INFO ");
        }
        assertThat(log.text()).doesNotContain(CONTENT);
    }

    @Test
    void aMessageWithoutASequenceIdOnTheReliableProtocolIsDeliveredWithAWarning() throws Exception {
        CapturedLog log = new CapturedLog();
        try (log; EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.receive(message(null));
            await().until(() -> engine.events.groupTexts().contains(CONTENT));
            assertThat(engine.events.of(WebPubSubEvent.GroupMessage.class).get(0).sequenceId()).isNull();
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).isEmpty();
        }
        assertThat(log.linesWith("without a sequenceId")).singleElement().asString().contains(" WARN ")
                .contains("Connection c1").contains("cannot be deduplicated or acknowledged");
        assertThat(log.text()).doesNotContain(CONTENT);
    }

    @Test
    void aRedeliveryIsDroppedAndAnsweredWithAnAck() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setSequenceAckInterval(Duration.ofSeconds(30)))) {
            FakeTransport socket = engine.connect();
            socket.groupMessage("g", "one", 1).groupMessage("g", "two", 2);
            await().until(() -> engine.events.groupTexts().size() == 2);
            socket.groupMessage("g", "one", 1);
            // With a 30 s ack interval, only the redelivery can have caused this ack.
            await().atMost(Duration.ofSeconds(2)).until(() -> !socket.written("sequenceAck").isEmpty());
            assertThat(socket.written("sequenceAck")).containsExactly("{\"type\":\"sequenceAck\",\"sequenceId\":2}");
            assertThat(engine.events.groupTexts()).containsExactly("one", "two");
        }
    }
}
