package io.github.webpubsub.emulator.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/** User and system events posted to an app server's event handler as CloudEvents. */
class EventHandlerTest {

    private record Received(Map<String, String> headers, String body) {
    }

    private Vertx vertx;
    private HttpServer appServer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private WebPubSubEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        appServer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            received.add(new Received(headers, body.toString()));
            String event = request.getHeader("ce-eventName");
            if ("echo".equals(event)) {
                request.response().putHeader("Content-Type", "text/plain").end("echo: " + body);
            } else if ("fail".equals(event)) {
                request.response().setStatusCode(500).end();
            } else {
                request.response().setStatusCode(204).end();
            }
        })).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        emulator = WebPubSubEmulator.builder().eventHandler(URI.create("http://localhost:" + appServer.actualPort() + "/eventhandler"))
                .start();
    }

    @AfterEach
    void stop() {
        emulator.stop();
        vertx.close();
    }

    @Test
    void userEventsReachTheHandlerWhoseReplyGoesBackToTheClient() throws Exception {
        try (RawClient client = RawClient.reliable(emulator.clientAccessUrl("hub1", "u1", List.of(), List.of()))) {
            String id = client.connected().getString("connectionId");
            client.send(new JsonObject().put("type", "event").put("event", "echo").put("ackId", 1).put("dataType", "text").put("data", "hi"));
            client.ack(1);
            JsonObject reply = client.await(f -> "message".equals(f.getString("type")));
            assertThat(reply.getString("from")).isEqualTo("server");
            assertThat(reply.getString("dataType")).isEqualTo("text");
            assertThat(reply.getString("data")).isEqualTo("echo: hi");
            // The reply precedes the ack.
            assertThat(client.frames().indexOf(reply)).isLessThan(client.frames().indexOf(client.ack(1)));

            Received event = received.stream().filter(r -> "azure.webpubsub.user.echo".equals(r.headers().get("ce-type"))).findFirst().orElseThrow();
            assertThat(event.body()).isEqualTo("hi");
            assertThat(event.headers()).containsEntry("ce-specversion", "1.0").containsEntry("ce-hub", "hub1")
                    .containsEntry("ce-eventName", "echo").containsEntry("ce-connectionId", id).containsEntry("ce-userId", "u1")
                    .containsEntry("ce-source", "/hubs/hub1/client/" + id).containsEntry("ce-signature", "sha256=" + hmac(id))
                    .containsEntry("ce-subprotocol", "json.reliable.webpubsub.azure.v1");
            assertThat(event.headers().get("Content-Type")).startsWith("text/plain");
            assertThat(event.headers()).containsKeys("ce-id", "ce-time", "WebHook-Request-Origin");
            Awaitility.await().until(() -> received.stream().anyMatch(r -> "azure.webpubsub.sys.connected".equals(r.headers().get("ce-type"))));
        }
        Awaitility.await().until(() -> received.stream().anyMatch(r -> "azure.webpubsub.sys.disconnected".equals(r.headers().get("ce-type"))));
    }

    @Test
    void aFailingHandlerGivesAnInternalServerErrorAckAndKeepsTheConnection() {
        try (RawClient client = RawClient.reliable(emulator.clientAccessUrl("hub1", "u1", List.of(), List.of()))) {
            client.connected();
            client.send(new JsonObject().put("type", "event").put("event", "fail").put("ackId", 1).put("dataType", "json")
                    .put("data", new JsonObject().put("a", 1)));
            assertThat(client.ack(1).getJsonObject("error").getString("name")).isEqualTo("InternalServerError");
            client.send(new JsonObject().put("type", "event").put("event", "quiet").put("ackId", 2).put("dataType", "binary").put("data", "AQID"));
            assertThat(client.ack(2).getBoolean("success")).isTrue();
            assertThat(client.isClosed()).isFalse();
            assertThat(emulator.userEvents()).extracting(e -> e.event()).containsExactly("fail", "quiet");
            assertThat(emulator.userEvents().get(1).bytes()).containsExactly(1, 2, 3);
        }
    }

    private String hmac(String connectionId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(emulator.accessKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
    }
}
