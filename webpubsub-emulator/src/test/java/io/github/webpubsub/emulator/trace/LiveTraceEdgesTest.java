package io.github.webpubsub.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/** What the feed shows of refused handshakes and recoveries, armed and acting faults, and event handler calls. */
class LiveTraceEdgesTest {

    private static final String HUB = "edges";

    private static RawClient subscribe(WebPubSubEmulator emulator) {
        RawClient feed = RawClient.connect(emulator.traceFeedUrl() + "?kind=fault,handshakeRefused,recovery,ack,eventHandler", null);
        feed.await(f -> "subscribed".equals(f.getString("kind")));
        return feed;
    }

    private static String summary(JsonObject e) {
        return switch (e.getString("kind")) {
            case "fault" -> "fault " + e.getString("action") + " " + e.getString("fault") + " count=" + e.getValue("count")
                    + " status=" + e.getValue("status");
            case "handshakeRefused" -> "handshakeRefused " + e.getInteger("status") + " " + e.getString("reason");
            case "recovery" -> "recovery " + e.getString("outcome") + " " + e.getString("reason");
            case "ack" -> "ack #" + e.getLong("ackId") + " " + e.getString("result") + " fault=" + e.getString("fault")
                    + " withheld=" + e.getBoolean("withheld");
            case "eventHandler" -> "eventHandler " + e.getString("event") + " " + e.getString("type") + " " + e.getInteger("status")
                    + " " + e.getString("outcome");
            default -> e.encode();
        };
    }

    @Test
    void refusalsAndFaultsShowWhenArmedAndWhenTheyAct() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start(); RawClient feed = subscribe(emulator)) {
            String url = emulator.clientAccessUrl(HUB, "bob", List.of("webpubsub.joinLeaveGroup"), List.of());
            String expired = emulator.clientAccessUrl(HUB, "bob", List.of(), List.of(), Duration.ofHours(-1));
            assertThat(RawClient.refusal(expired, "json.reliable.webpubsub.azure.v1").getStatus()).isEqualTo(401);
            emulator.faults().refuseUpgrades(503, 1);
            assertThat(RawClient.refusal(url, "json.reliable.webpubsub.azure.v1").getStatus()).isEqualTo(503);

            emulator.faults().failAcks("InternalServerError", 1).withholdAcks(1);
            JsonObject connected;
            try (RawClient client = RawClient.reliable(url)) {
                connected = client.connected();
                client.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 1));
                client.ack(1);
                client.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 2));
                // The withheld ack never reaches the client; the trace is where it shows.
                feed.await(f -> Boolean.TRUE.equals(f.getBoolean("withheld")));
                emulator.faults().refuseRecoveries(1);
                emulator.faults().drop(HUB, connected.getString("connectionId"));
                client.awaitClosed();
            }
            String recovery = emulator.endpoint().replace("http", "ws") + "/client/hubs/" + HUB + "?awps_connection_id="
                    + connected.getString("connectionId") + "&awps_reconnection_token=" + connected.getString("reconnectionToken");
            try (RawClient refused = RawClient.reliable(recovery)) {
                refused.awaitClosed();
            }
            emulator.faults().clear();
            feed.await(f -> "cleared".equals(f.getString("action")));

            assertThat(feed.frames().subList(1, feed.frames().size())).extracting(LiveTraceEdgesTest::summary).containsExactly(
                    "handshakeRefused 401 The access token has expired.",
                    "fault armed refuseUpgrades count=1 status=503",
                    "fault applied refuseUpgrades count=null status=503",
                    "handshakeRefused 503 The upgrade was refused by an injected fault.",
                    "fault armed failAcks count=1 status=null",
                    "fault armed withholdAcks count=1 status=null",
                    "fault applied failAcks count=null status=null",
                    "ack #1 InternalServerError fault=failAcks withheld=null",
                    "fault applied withholdAcks count=null status=null",
                    "ack #2 Success fault=withholdAcks withheld=true",
                    "fault armed refuseRecoveries count=1 status=null",
                    "fault applied drop count=null status=null",
                    "fault applied refuseRecoveries count=null status=null",
                    "recovery refused Refused by an injected fault.",
                    "fault cleared null count=null status=null");
            String raw = String.join("\n", feed.texts());
            assertThat(raw).doesNotContain(url.substring(url.indexOf("access_token=") + 13))
                    .doesNotContain(expired.substring(expired.indexOf("access_token=") + 13))
                    .doesNotContain(connected.getString("reconnectionToken")).doesNotContain(emulator.accessKey());
        }
    }

    @Test
    void eventHandlerCallsShowWithTheirOutcomeAndNoSignature() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer appServer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body ->
                    request.response().setStatusCode("fail".equals(request.getHeader("ce-eventName")) ? 500 : 204).end()))
                    .listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            URI handler = URI.create("http://localhost:" + appServer.actualPort() + "/eventhandler?code=function-key-0123");
            try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().eventHandler(handler).start(); RawClient feed = subscribe(emulator);
                    RawClient client = RawClient.reliable(emulator.clientAccessUrl(HUB, "carol", List.of(), List.of()))) {
                client.connected();
                client.send(new JsonObject().put("type", "event").put("event", "ok").put("ackId", 1).put("dataType", "text").put("data", "x"));
                client.ack(1);
                client.send(new JsonObject().put("type", "event").put("event", "fail").put("ackId", 2).put("dataType", "text").put("data", "y"));
                client.ack(2);
                feed.await(f -> "ack".equals(f.getString("kind")) && f.getLong("ackId") == 2);

                assertThat(feed.frames().subList(1, feed.frames().size())).extracting(LiveTraceEdgesTest::summary)
                        .filteredOn(s -> !s.contains("connected")).containsExactly(
                                "eventHandler ok azure.webpubsub.user.ok 204 ok",
                                "ack #1 Success fault=null withheld=null",
                                "eventHandler fail azure.webpubsub.user.fail 500 failed",
                                "ack #2 InternalServerError fault=null withheld=null");
                assertThat(feed.frames()).filteredOn(f -> "eventHandler".equals(f.getString("kind")))
                        .allSatisfy(f -> assertThat(f.getString("connectionId")).isNotBlank());
                String raw = String.join("\n", feed.texts());
                assertThat(raw).doesNotContain("function-key-0123").doesNotContain("sha256=").doesNotContain(emulator.accessKey());
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
