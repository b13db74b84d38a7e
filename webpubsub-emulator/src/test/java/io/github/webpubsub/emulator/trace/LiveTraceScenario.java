package io.github.webpubsub.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.json.JsonObject;

/**
 * The traffic both live trace tests watch: a reliable client connects, joins a group, sends to it, is refused a group
 * it may not send to, repeats an ackId, gets a REST message, is dropped by a fault and recovers. It remembers every
 * secret it saw, so that the tests can check that none reaches the trace.
 */
final class LiveTraceScenario {

    static final String HUB = "tracehub";
    static final String USER = "alice";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<String> secrets = new ArrayList<>();
    String connectionId;

    /** Runs the scenario to its end: the recovered client is closed normally. */
    void run(WebPubSubEmulator emulator) throws IOException, InterruptedException {
        String url = emulator.clientAccessUrl(HUB, USER, List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup.chat"), List.of());
        secrets.add(emulator.accessKey());
        secrets.add(url.substring(url.indexOf("access_token=") + "access_token=".length()));
        JsonObject connected;
        try (RawClient client = RawClient.reliable(url)) {
            connected = client.connected();
            connectionId = connected.getString("connectionId");
            secrets.add(connected.getString("reconnectionToken"));

            client.send(new JsonObject().put("type", "joinGroup").put("group", "chat").put("ackId", 1));
            client.ack(1);
            JsonObject hello = new JsonObject().put("type", "sendToGroup").put("group", "chat").put("ackId", 2)
                    .put("dataType", "text").put("data", "hello chat");
            client.send(hello);
            client.ack(2);
            client.await(f -> "message".equals(f.getString("type")) && f.getLong("sequenceId") == 1);
            client.send(new JsonObject().put("type", "sequenceAck").put("sequenceId", 1));
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "secret").put("ackId", 3)
                    .put("dataType", "text").put("data", "psst"));
            assertThat(client.ack(3).getJsonObject("error").getString("name")).isEqualTo("Forbidden");
            client.send(hello);
            client.await(f -> "ack".equals(f.getString("type")) && f.getLong("ackId") == 2 && !f.getBoolean("success"));

            assertThat(restSendToGroup(emulator, "chat", "from the app server")).isEqualTo(202);
            client.await(f -> "message".equals(f.getString("type")) && f.getLong("sequenceId") == 2);

            emulator.faults().drop(HUB, connectionId);
            client.awaitClosed();
        }
        try (RawClient recovered = RawClient.reliable(emulator.endpoint().replace("http", "ws") + "/client/hubs/" + HUB
                + "?awps_connection_id=" + connectionId + "&awps_reconnection_token=" + connected.getString("reconnectionToken"))) {
            secrets.add(recovered.connected().getString("reconnectionToken"));
            recovered.await(f -> "message".equals(f.getString("type")) && f.getLong("sequenceId") == 2);
        }
    }

    private int restSendToGroup(WebPubSubEmulator emulator, String group, String text) throws IOException, InterruptedException {
        String url = emulator.endpoint() + "/api/hubs/" + HUB + "/groups/" + group + "/:send?api-version=2024-01-01";
        String token = new AccessTokens(emulator.accessKey()).mintRestToken(url, Duration.ofMinutes(5));
        secrets.add(token);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
