package io.github.webpubsub.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** The client protocol frame by frame: handshake and auth, roles, bad input, pings. */
class ClientProtocolTest {

    private static final String HUB = "hub1";
    private static final String RELIABLE = "json.reliable.webpubsub.azure.v1";
    private static final List<String> ALL = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private String url(String userId, List<String> roles) {
        return emulator.get().clientAccessUrl(HUB, userId, roles, List.of());
    }

    private String urlWithToken(String token) {
        return emulator.get().endpoint().replace("http", "ws") + "/client/hubs/" + HUB + "?access_token=" + token;
    }

    @Test
    void theChosenSubprotocolIsEchoedAndConnectedCarriesARecoveryToken() {
        try (RawClient reliable = RawClient.reliable(url("u1", ALL));
                RawClient plain = RawClient.connect(url("u2", ALL), "json.webpubsub.azure.v1")) {
            assertThat(reliable.subprotocol()).isEqualTo(RELIABLE);
            assertThat(plain.subprotocol()).isEqualTo("json.webpubsub.azure.v1");
            assertThat(reliable.connected().getString("userId")).isEqualTo("u1");
            assertThat(reliable.connected().getString("reconnectionToken")).isNotBlank();
            assertThat(plain.connected().containsKey("reconnectionToken")).isFalse();
        }
    }

    @Test
    void aHandshakeWithoutAGoodTokenIsRefusedWith401AndAReason() {
        String endpoint = emulator.get().endpoint();
        String aud = endpoint + "/client/hubs/" + HUB;
        AccessTokens otherKey = new AccessTokens("not-the-key");
        AccessTokens rightKey = new AccessTokens(emulator.get().accessKey());

        UpgradeRejectedException missing = RawClient.refusal(endpoint.replace("http", "ws") + "/client/hubs/" + HUB, RELIABLE);
        UpgradeRejectedException badSignature = RawClient.refusal(
                urlWithToken(otherKey.mintClientToken(aud, "u", List.of(), List.of(), Duration.ofHours(1))), RELIABLE);
        UpgradeRejectedException expired = RawClient.refusal(
                urlWithToken(rightKey.mintClientToken(aud, "u", List.of(), List.of(), Duration.ofHours(-1))), RELIABLE);
        UpgradeRejectedException otherHub = RawClient.refusal(
                urlWithToken(rightKey.mintClientToken(endpoint + "/client/hubs/other", "u", List.of(), List.of(), Duration.ofHours(1))),
                RELIABLE);
        UpgradeRejectedException garbage = RawClient.refusal(urlWithToken("not.a.jwt"), RELIABLE);

        assertThat(List.of(missing, badSignature, expired, otherHub, garbage)).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(401));
        assertThat(missing.getBody().toString()).contains("No access token");
        assertThat(badSignature.getBody().toString()).contains("signature");
        assertThat(expired.getBody().toString()).contains("expired");
        assertThat(otherHub.getBody().toString()).contains("audience");
        assertThat(emulator.get().connections(HUB)).isEmpty();
    }

    @Test
    void aTokenMayComeAsABearerHeaderAndTheHubAsAQueryParameter() {
        String token = url("u1", ALL).split("access_token=")[1];
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(emulator.get().endpoint().replace("http", "ws") + "/client/?hub=" + HUB)
                .addSubProtocol(RELIABLE).addHeader("Authorization", "Bearer " + token);
        try (RawClient client = RawClient.connect(options)) {
            assertThat(client.subprotocol()).isEqualTo(RELIABLE);
            Awaitility.await().until(() -> emulator.get().connections(HUB).size() == 1);
        }
    }

    @Test
    void otherSubprotocolsAndPlainRequestsAreRefusedWith400() {
        UpgradeRejectedException other = RawClient.refusal(url("u", ALL), "mqtt");
        UpgradeRejectedException none = RawClient.refusal(url("u", ALL), null);
        assertThat(other.getStatus()).isEqualTo(400);
        assertThat(other.getBody().toString()).contains("Unsupported subprotocol", "json.reliable.webpubsub.azure.v1",
                "protobuf.reliable.webpubsub.azure.v1");
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(none.getBody().toString()).contains("No subprotocol");
    }

    @Test
    void anInjectedUpgradeRefusalAppliesToTheNextHandshakesOnly() {
        emulator.get().faults().refuseUpgrades(403, 2);
        assertThat(RawClient.refusal(url("u", ALL), RELIABLE).getStatus()).isEqualTo(403);
        assertThat(RawClient.refusal(url("u", ALL), RELIABLE).getStatus()).isEqualTo(403);
        try (RawClient client = RawClient.reliable(url("u", ALL))) {
            client.connected();
        }
    }

    @Test
    void literalAndPatternRolesLimitGroups() {
        try (RawClient client = RawClient.reliable(url("u", List.of("webpubsub.joinLeaveGroup.lobby",
                "webpubsub.joinLeaveGroups.room.*", "webpubsub.sendToGroups.room.**")))) {
            client.connected();
            client.send(new JsonObject().put("type", "joinGroup").put("group", "lobby").put("ackId", 1));
            client.send(new JsonObject().put("type", "joinGroup").put("group", "room.a").put("ackId", 2));
            client.send(new JsonObject().put("type", "joinGroup").put("group", "room.a.b").put("ackId", 3));
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "room.a.b").put("ackId", 4)
                    .put("dataType", "text").put("data", "x"));
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "lobby").put("ackId", 5)
                    .put("dataType", "text").put("data", "x"));

            assertThat(client.ack(1).getBoolean("success")).isTrue();
            assertThat(client.ack(2).getBoolean("success")).isTrue();
            assertThat(client.ack(3).getJsonObject("error").getString("name")).isEqualTo("Forbidden");
            assertThat(client.ack(4).getBoolean("success")).isTrue();
            assertThat(client.ack(5).getJsonObject("error").getString("message"))
                    .isEqualTo("The client does not have permission to send to group 'lobby'.");
        }
    }

    @Test
    void tokenGroupsAreJoinedOnConnect() {
        String url = emulator.get().clientAccessUrl(HUB, "u", List.of(), List.of("news", "sports"));
        try (RawClient client = RawClient.reliable(url)) {
            String id = client.connected().getString("connectionId");
            assertThat(emulator.get().connection(HUB, id)).hasValueSatisfying(c -> assertThat(c.groups()).containsExactly("news", "sports"));
        }
    }

    @Test
    void aFailedRequestKeepsItsAckIdForTheRetry() {
        try (RawClient client = RawClient.reliable(url("u", ALL))) {
            client.connected();
            emulator.get().faults().failAcks("InternalServerError", 1);
            client.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 7));
            assertThat(client.ack(7).getJsonObject("error").getString("name")).isEqualTo("InternalServerError");
            client.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 7));
            Awaitility.await().until(() -> client.frames().stream().filter(f -> "ack".equals(f.getString("type"))).count() == 2);
            assertThat(client.frames().get(client.frames().size() - 1).getBoolean("success")).isTrue();
            client.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 7));
            Awaitility.await().until(() -> client.frames().stream().filter(f -> "ack".equals(f.getString("type"))).count() == 3);
            assertThat(client.frames().get(client.frames().size() - 1).getJsonObject("error").getString("message"))
                    .isEqualTo("Message with ack-id: 7 has been processed");
        }
    }

    @Test
    void aPingIsAnsweredWithPongAndFireAndForgetGetsNoAck() {
        try (RawClient client = RawClient.reliable(url("u", ALL))) {
            client.connected();
            client.send(new JsonObject().put("type", "joinGroup").put("group", "g"));
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("ackId", (Object) null)
                    .put("dataType", "text").put("data", "no ack"));
            client.send(new JsonObject().put("type", "ping"));
            client.await(f -> "pong".equals(f.getString("type")));
            JsonObject message = client.await(f -> "message".equals(f.getString("type")));
            assertThat(message.getString("data")).isEqualTo("no ack");
            assertThat(message.getLong("sequenceId")).isEqualTo(1L);
            assertThat(client.frames()).noneMatch(f -> "ack".equals(f.getString("type")));
        }
    }

    @Test
    void aSendToAGroupWithoutMembersIsAckedAndGoesNowhere() {
        try (RawClient client = RawClient.reliable(url("u", ALL))) {
            client.connected();
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "nobody-here").put("ackId", 1)
                    .put("dataType", "json").put("data", new JsonObject()));
            assertThat(client.ack(1).getBoolean("success")).isTrue();
        }
    }

    @Test
    void malformedFramesCloseOnlyTheirOwnConnectionWithAReason() {
        List<String> badFrames = List.of("{not json", "[1,2]", "{\"ackId\":1}", "{\"type\":\"shout\",\"ackId\":1}",
                "{\"type\":\"joinGroup\",\"ackId\":1}", "{\"type\":\"joinGroup\",\"group\":\"  \",\"ackId\":1}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":1,\"dataType\":\"text\"}",
                "{\"type\":\"sendToGroup\",\"group\":\"g\",\"ackId\":1,\"dataType\":\"binary\",\"data\":\"%%%\"}",
                "{\"type\":\"joinGroup\",\"group\":\"g\",\"ackId\":-1}");
        try (RawClient bystander = RawClient.reliable(url("bystander", ALL))) {
            bystander.connected();
            bystander.send(new JsonObject().put("type", "joinGroup").put("group", "g").put("ackId", 1));
            bystander.ack(1);
            for (String bad : badFrames) {
                try (RawClient offender = RawClient.reliable(url("offender", ALL))) {
                    offender.connected();
                    offender.send(bad);
                    offender.awaitClosed();
                    assertThat(offender.closeCode()).as(bad).isEqualTo((short) 1007);
                    assertThat(offender.await(f -> "disconnected".equals(f.getString("event"))).getString("message")).isNotBlank();
                }
            }
            assertThat(bystander.isClosed()).isFalse();
            bystander.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("ackId", 2).put("dataType", "text")
                    .put("data", "still here"));
            assertThat(bystander.ack(2).getBoolean("success")).isTrue();
        }
    }

    @Test
    void aMessageOverOneMegabyteIsRefusedWith1009() {
        try (RawClient client = RawClient.reliable(url("u", ALL))) {
            client.connected();
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "g").put("dataType", "text")
                    .put("data", "x".repeat(1024 * 1024 + 1)));
            client.awaitClosed();
            assertThat(client.closeCode()).isEqualTo((short) 1009);
            assertThat(client.closeReason()).isEqualTo("The client message is too large.");
        }
    }

    @Test
    void theEmulatorKeepsServingAfterEveryKindOfBadInput() {
        malformedFramesCloseOnlyTheirOwnConnectionWithAReason();
        try (RawClient client = RawClient.reliable(url("u", ALL))) {
            assertThat(client.connected().getString("connectionId")).isNotBlank();
        }
    }
}
