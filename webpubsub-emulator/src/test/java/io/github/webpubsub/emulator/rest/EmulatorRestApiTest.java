package io.github.webpubsub.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The emulator's own REST API (connections and faults) and the REST auth rules, over plain HTTP. */
class EmulatorRestApiTest {

    private static final String HUB = "hub1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private static HttpResponse<String> call(String method, String pathAndQuery, String key) throws IOException, InterruptedException {
        String url = emulator.get().endpoint() + pathAndQuery;
        String token = new AccessTokens(key).mintRestToken(url, Duration.ofMinutes(5));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String pathAndQuery) throws IOException, InterruptedException {
        return call(method, pathAndQuery, emulator.get().accessKey());
    }

    @Test
    void connectionsAreListedDroppedAndClosedOverRest() throws Exception {
        String url = emulator.get().clientAccessUrl(HUB, "u1", List.of(), List.of("g1"));
        try (RawClient dropped = RawClient.reliable(url); RawClient closed = RawClient.reliable(url)) {
            String d = dropped.connected().getString("connectionId");
            String c = closed.connected().getString("connectionId");

            HttpResponse<String> list = call("GET", "/emulator/hubs/" + HUB + "/connections");
            assertThat(list.statusCode()).isEqualTo(200);
            JsonArray connections = new JsonArray(list.body());
            assertThat(connections).hasSize(2);
            assertThat(connections.getJsonObject(0).getMap()).containsEntry("userId", "u1")
                    .containsEntry("subprotocol", "json.reliable.webpubsub.azure.v1").containsEntry("state", "CONNECTED");
            assertThat(connections.getJsonObject(0).getJsonArray("groups")).containsExactly("g1");

            assertThat(call("POST", "/emulator/hubs/" + HUB + "/connections/" + d + ":drop").statusCode()).isEqualTo(204);
            dropped.awaitClosed();
            assertThat(dropped.frames()).noneMatch(f -> "disconnected".equals(f.getString("event")));
            assertThat(emulator.get().connection(HUB, d).orElseThrow().state()).isEqualTo("DETACHED");

            assertThat(call("POST", "/emulator/hubs/" + HUB + "/connections/" + c + ":close?code=4000&reason=testing").statusCode())
                    .isEqualTo(204);
            closed.awaitClosed();
            assertThat(closed.closeCode()).isEqualTo((short) 4000);
            assertThat(closed.closeReason()).isEqualTo("testing");
            assertThat(call("POST", "/emulator/hubs/" + HUB + "/connections/nope:drop").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void ackFaultsCanBeArmedOverRest() throws Exception {
        assertThat(call("POST", "/emulator/faults/acks?mode=fail&error=InternalServerError&count=1").statusCode()).isEqualTo(204);
        try (RawClient client = RawClient.reliable(emulator.get().clientAccessUrl(HUB, "u", List.of("webpubsub.joinLeaveGroup"), List.of()))) {
            client.connected();
            client.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 1));
            assertThat(client.ack(1).getJsonObject("error").getString("name")).isEqualTo("InternalServerError");
        }
        assertThat(call("POST", "/emulator/faults/acks?mode=explode").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/emulator/faults/upgrades?status=503&count=1").statusCode()).isEqualTo(204);
        assertThat(RawClient.refusal(emulator.get().clientAccessUrl(HUB, "u", List.of(), List.of()),
                "json.reliable.webpubsub.azure.v1").getStatus()).isEqualTo(503);
        assertThat(call("DELETE", "/emulator/faults").statusCode()).isEqualTo(204);
    }

    @Test
    void restCallsNeedATokenForTheirOwnUrlAndAnApiVersion() throws Exception {
        String send = "/api/hubs/" + HUB + "/connections/c1?api-version=2024-01-01";
        assertThat(call("HEAD", send).statusCode()).isEqualTo(404);
        assertThat(call("HEAD", send, "wrong-key").statusCode()).isEqualTo(401);
        HttpResponse<String> noAuth = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.get().endpoint() + send))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noAuth.statusCode()).isEqualTo(401);
        assertThat(noAuth.body()).contains("Bearer");

        String otherUrl = emulator.get().endpoint() + "/api/hubs/" + HUB + "/:send?api-version=2024-01-01";
        String tokenForOtherUrl = new AccessTokens(emulator.get().accessKey()).mintRestToken(otherUrl, Duration.ofMinutes(5));
        HttpResponse<String> wrongAudience = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.get().endpoint() + send))
                .header("Authorization", "Bearer " + tokenForOtherUrl).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongAudience.statusCode()).isEqualTo(401);

        HttpResponse<String> noVersion = call("DELETE", "/api/hubs/" + HUB + "/connections/c1");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("api-version");
        assertThat(call("GET", "/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongMethodGets405AndAnOversizedBody413InTheServiceFormat() throws Exception {
        assertThat(call("GET", "/api/hubs/" + HUB + "/:send?api-version=2024-01-01").statusCode()).isEqualTo(405);

        String url = emulator.get().endpoint() + "/api/hubs/" + HUB + "/:send?api-version=2024-01-01";
        String token = new AccessTokens(emulator.get().accessKey()).mintRestToken(url, Duration.ofMinutes(5));
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x".repeat(1024 * 1024 + 1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("x-ms-error-code")).hasValue("PayloadTooLarge");
        assertThat(new JsonObject(tooLarge.body()).getString("code")).isEqualTo("PayloadTooLarge");
    }
}
