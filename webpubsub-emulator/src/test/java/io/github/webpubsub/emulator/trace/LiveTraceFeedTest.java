package io.github.webpubsub.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.json.JsonObject;

/** The live trace's WebSocket feed, read as a script reads it, for the scenario of {@link LiveTraceScenario}. */
class LiveTraceFeedTest {

    private static RawClient subscribe(WebPubSubEmulator emulator, String query) {
        RawClient feed = RawClient.connect(emulator.traceFeedUrl() + query, null);
        feed.await(f -> "subscribed".equals(f.getString("kind")));
        return feed;
    }

    /** The last entry of the scenario: the recovered client's normal close takes it out of its group. */
    private static void awaitTheEnd(RawClient feed) {
        feed.await(f -> "leaveGroup".equals(f.getString("kind")));
    }

    /** An entry in a few words: its kind and the fields this test checks for it. */
    private static String summary(JsonObject e) {
        String fields = switch (e.getString("kind")) {
            case "subscribed" -> "capacity=" + e.getInteger("capacity") + " payloads=" + e.getBoolean("payloads");
            case "connected" -> e.getString("userId") + " " + e.getString("subprotocol");
            case "joinGroup", "leaveGroup" -> e.getString("group");
            case "ack" -> "#" + e.getLong("ackId") + " " + e.getString("request") + " " + e.getString("group") + " "
                    + e.getString("result") + " unacked=" + e.getInteger("unacked") + "/" + e.getInteger("unackedLimit");
            case "message" -> e.getString("direction") + " " + e.getString("group") + " " + e.getString("dataType") + " "
                    + e.getInteger("size") + "B" + (e.containsKey("ackId") ? " #" + e.getLong("ackId") : "")
                    + (e.containsKey("sequenceId") ? " seq=" + e.getLong("sequenceId") + " unacked=" + e.getInteger("unacked")
                            + "/" + e.getInteger("unackedLimit") : "");
            case "sequenceAck" -> "seq=" + e.getLong("sequenceId") + " unacked=" + e.getInteger("unacked");
            case "rest" -> e.getString("method") + " " + e.getString("path") + "?" + e.getString("query") + " " + e.getInteger("status");
            case "fault" -> e.getString("action") + " " + e.getString("fault");
            case "dropped" -> "unacked=" + e.getInteger("unacked") + " window=" + e.getLong("recoverableForSeconds") + "s";
            case "recovery" -> e.getString("outcome") + " redelivered=" + e.getInteger("redelivered");
            case "disconnected" -> e.getInteger("code") + " " + e.getString("reason");
            default -> e.encode();
        };
        return e.getString("kind") + " " + fields;
    }

    @Test
    void theFeedShowsEachStepOfTheScenarioInOrderAndNoSecret() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start(); RawClient feed = subscribe(emulator, "")) {
            LiveTraceScenario scenario = new LiveTraceScenario();
            scenario.run(emulator);
            awaitTheEnd(feed);

            assertThat(feed.frames()).extracting(LiveTraceFeedTest::summary).containsExactly(
                    "subscribed capacity=10000 payloads=false",
                    "connected alice json.reliable.webpubsub.azure.v1",
                    "joinGroup chat",
                    "ack #1 joinGroup chat Success unacked=0/1000",
                    "message in chat text 10B #2",
                    "ack #2 sendToGroup chat Success unacked=0/1000",
                    "message out chat text 10B seq=1 unacked=1/1000",
                    "sequenceAck seq=1 unacked=0",
                    "message in secret text 4B #3",
                    "ack #3 sendToGroup secret Forbidden unacked=0/1000",
                    "message in chat text 10B #2",
                    "ack #2 sendToGroup chat Duplicate unacked=0/1000",
                    "message out chat text 19B seq=2 unacked=1/1000",
                    "rest POST /api/hubs/tracehub/groups/chat/:send?api-version=2024-01-01 202",
                    "fault applied drop",
                    "dropped unacked=1 window=30s",
                    "recovery recovered redelivered=1",
                    "disconnected 1000 Closed by the client (1000).",
                    "leaveGroup chat");

            List<JsonObject> entries = feed.frames().subList(1, feed.frames().size());
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.getString("hub")).isEqualTo(LiveTraceScenario.HUB);
                assertThat(e.getString("time")).isNotBlank();
            });
            assertThat(entries).extracting(e -> e.getLong("seq")).isSorted().doesNotHaveDuplicates();
            assertThat(entries).filteredOn(e -> e.containsKey("connectionId")).allSatisfy(e -> {
                assertThat(e.getString("connectionId")).isEqualTo(scenario.connectionId);
                assertThat(e.getString("userId")).isEqualTo(LiveTraceScenario.USER);
            });
            assertThat(entries).noneMatch(e -> e.containsKey("payload"));
            String raw = String.join("\n", feed.texts());
            assertThat(scenario.secrets).hasSize(5).allSatisfy(secret -> assertThat(raw).doesNotContain(secret));
            assertThat(raw).doesNotContainIgnoringCase("access_token").doesNotContainIgnoringCase("bearer")
                    .doesNotContain("AccessKey").doesNotContain("reconnectionToken");
        }
    }

    @Test
    void aReaderThatAsksSeesPayloadsAndOnlyWhatItsFilterPicks() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                RawClient messages = subscribe(emulator, "?payloads=true&kind=message,leaveGroup&group=chat");
                RawClient otherHub = subscribe(emulator, "?hub=elsewhere")) {
            LiveTraceScenario scenario = new LiveTraceScenario();
            scenario.run(emulator);
            awaitTheEnd(messages);

            assertThat(messages.frames().subList(1, messages.frames().size()))
                    .extracting(e -> e.getString("kind") + " " + e.getString("direction") + " " + e.getString("payload"))
                    .containsExactly("message in hello chat", "message out hello chat", "message in hello chat",
                            "message out from the app server", "leaveGroup null null");
            String raw = String.join("\n", messages.texts());
            assertThat(scenario.secrets).allSatisfy(secret -> assertThat(raw).doesNotContain(secret));
            // Bounded negative check: the other hub's reader got nothing but its subscription line.
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> otherHub.frames().size() == 1);
        }
    }

    @Test
    void aBadFilterOrAForeignPageIsRefused() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            assertThat(RawClient.refusal(emulator.traceFeedUrl() + "?kind=gossip", null).getStatus()).isEqualTo(400);
            io.vertx.core.http.WebSocketConnectOptions foreign = new io.vertx.core.http.WebSocketConnectOptions()
                    .setAbsoluteURI(emulator.traceFeedUrl()).addHeader("Origin", "https://evil.example");
            assertThat(refusalStatus(foreign)).isEqualTo(403);
        }
    }

    private static int refusalStatus(io.vertx.core.http.WebSocketConnectOptions options) {
        try {
            RawClient.connect(options).close();
        } catch (IllegalStateException e) {
            if (e.getCause() != null && e.getCause().getCause() instanceof io.vertx.core.http.UpgradeRejectedException r) {
                return r.getStatus();
            }
            throw e;
        }
        throw new AssertionError("The handshake was accepted");
    }

    @Test
    void withoutAReaderTheFeedIsInactive() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            assertThat(emulator.trace().active()).isFalse();
            try (RawClient feed = subscribe(emulator, "")) {
                assertThat(emulator.trace().readers()).isEqualTo(1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.trace().active());
            assertThat(emulator.traceUrl()).isEqualTo(emulator.endpoint() + "/trace");
            assertThat(List.of(emulator.traceFeedUrl())).allMatch(u -> u.startsWith("ws://") && u.endsWith("/trace/ws"));
        }
    }
}
