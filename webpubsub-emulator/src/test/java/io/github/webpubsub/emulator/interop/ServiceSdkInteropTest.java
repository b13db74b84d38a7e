package io.github.webpubsub.emulator.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;
import com.azure.messaging.webpubsub.models.WebPubSubPermission;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.JsPeer;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Microsoft's Java (1.4.0, api-version 2024-01-01) and JS (1.2.0, 2024-12-01) service SDKs as app servers. */
class ServiceSdkInteropTest {

    private static final String HUB = "hub1";

    @RegisterExtension
    WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private WebPubSubServiceClient javaSdk() {
        return new WebPubSubServiceClientBuilder().connectionString(emulator.get().connectionString()).hub(HUB).buildClient();
    }

    private static List<JsonObject> serverMessages(RawClient client) {
        return client.messages().stream().filter(m -> "server".equals(m.getString("from"))).toList();
    }

    @Test
    void javaSdkTokensAndSendsReachClients() {
        WebPubSubServiceClient sdk = javaSdk();
        String url = sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("u1")
                .addRole("webpubsub.joinLeaveGroup.g1").addGroup("g1")).getUrl();
        String other = sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("u2")).getUrl();
        try (RawClient u1 = RawClient.reliable(url); RawClient u2 = RawClient.reliable(other)) {
            String c1 = u1.connected().getString("connectionId");
            u2.connected();

            sdk.sendToAll("to all", WebPubSubContentType.TEXT_PLAIN);
            sdk.sendToAll("{\"n\":1}", WebPubSubContentType.APPLICATION_JSON);
            byte[] bytes = {1, 2, 3};
            sdk.sendToAllWithResponse(BinaryData.fromBytes(bytes), WebPubSubContentType.APPLICATION_OCTET_STREAM, bytes.length,
                    new RequestOptions());
            sdk.sendToGroup("g1", "to group", WebPubSubContentType.TEXT_PLAIN);
            sdk.sendToUser("u1", "to user", WebPubSubContentType.TEXT_PLAIN);
            sdk.sendToConnection(c1, "{\"to\":\"connection\"}", WebPubSubContentType.APPLICATION_JSON);

            Awaitility.await().until(() -> u1.messages().size() == 6);
            List<JsonObject> m = u1.messages();
            assertThat(m.get(0)).isEqualTo(new JsonObject().put("type", "message").put("from", "server").put("dataType", "text")
                    .put("data", "to all").put("sequenceId", 1));
            assertThat(m.get(1).getJsonObject("data")).isEqualTo(new JsonObject().put("n", 1));
            assertThat(m.get(2).getString("dataType")).isEqualTo("binary");
            assertThat(Base64.getDecoder().decode(m.get(2).getString("data"))).containsExactly(bytes);
            assertThat(m.get(3)).isEqualTo(new JsonObject().put("type", "message").put("from", "group").put("group", "g1")
                    .put("dataType", "text").put("data", "to group").put("sequenceId", 4));
            assertThat(m.get(4).getString("data")).isEqualTo("to user");
            assertThat(m.get(5).getJsonObject("data")).isEqualTo(new JsonObject().put("to", "connection"));
            Awaitility.await().until(() -> u2.messages().size() == 3);
            assertThat(u2.messages()).allSatisfy(x -> assertThat(x.getString("from")).isEqualTo("server"));
        }
    }

    @Test
    void javaSdkManagesGroupsPermissionsAndConnections() {
        WebPubSubServiceClient sdk = javaSdk();
        String url = sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("u1")).getUrl();
        try (RawClient client = RawClient.reliable(url)) {
            String id = client.connected().getString("connectionId");
            RequestOptions none = new RequestOptions();

            assertThat(sdk.connectionExistsWithResponse(id, none).getValue()).isTrue();
            assertThat(sdk.connectionExistsWithResponse("nope", none).getValue()).isFalse();
            assertThat(sdk.userExistsWithResponse("u1", none).getValue()).isTrue();
            assertThat(sdk.userExistsWithResponse("nobody", none).getValue()).isFalse();

            sdk.addConnectionToGroupWithResponse("g1", id, none);
            assertThat(sdk.groupExistsWithResponse("g1", none).getValue()).isTrue();
            assertThat(emulator.get().connection(HUB, id).orElseThrow().groups()).containsExactly("g1");
            sdk.removeConnectionFromGroupWithResponse("g1", id, none);
            assertThat(sdk.groupExistsWithResponse("g1", none).getValue()).isFalse();
            sdk.addUserToGroupWithResponse("g2", "u1", none);
            assertThat(emulator.get().connection(HUB, id).orElseThrow().groups()).containsExactly("g2");
            sdk.removeUserFromAllGroupsWithResponse("u1", none);
            assertThat(emulator.get().connection(HUB, id).orElseThrow().groups()).isEmpty();
            sdk.addConnectionsToGroups(List.of("a", "b"), "userId eq 'u1'");
            assertThat(emulator.get().connection(HUB, id).orElseThrow().groups()).containsExactly("a", "b");

            RequestOptions onG3 = new RequestOptions().addQueryParam("targetName", "g3");
            sdk.grantPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, id, onG3);
            assertThat(sdk.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, id, onG3).getValue()).isTrue();
            client.send(new JsonObject().put("type", "sendToGroup").put("group", "g3").put("ackId", 1).put("dataType", "text")
                    .put("data", "granted"));
            assertThat(client.ack(1).getBoolean("success")).isTrue();
            sdk.revokePermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, id, onG3);
            assertThat(sdk.checkPermissionWithResponse(WebPubSubPermission.SEND_TO_GROUP, id, onG3).getValue()).isFalse();

            sdk.closeConnectionWithResponse(id, new RequestOptions().addQueryParam("reason", "bye now"));
            client.awaitClosed();
            assertThat(client.await(f -> "disconnected".equals(f.getString("event"))).getString("message")).isEqualTo("bye now");
            assertThat(sdk.connectionExistsWithResponse(id, none).getValue()).isFalse();
        }
    }

    @Test
    void aServiceSdkWithTheWrongKeyGets401() {
        String wrong = emulator.get().connectionString().replaceFirst("AccessKey=[^;]+", "AccessKey=wrong");
        WebPubSubServiceClient sdk = new WebPubSubServiceClientBuilder().connectionString(wrong).hub(HUB).buildClient();
        assertThatThrownBy(() -> sdk.sendToAll("x", WebPubSubContentType.TEXT_PLAIN))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(401));
        String url = sdk.getClientAccessToken(new GetClientAccessTokenOptions()).getUrl();
        assertThat(RawClient.refusal(url, "json.reliable.webpubsub.azure.v1").getStatus()).isEqualTo(401);
    }

    @Test
    void jsServiceSdkCallsSucceedWithTheStatusCodesItExpects() {
        try (JsPeer peer = JsPeer.start()) {
            peer.ok("service.init", new JsonObject().put("connectionString", emulator.get().connectionString()).put("hub", HUB));
            JsonObject token = (JsonObject) peer.ok("service.token", new JsonObject().put("userId", "js-user")
                    .put("roles", new JsonArray().add("webpubsub.sendToGroup")).put("groups", new JsonArray().add("g1")));
            try (RawClient client = RawClient.reliable(token.getString("url"))) {
                String id = client.connected().getString("connectionId");

                peer.ok("service.sendToAll", new JsonObject().put("data", new JsonObject().put("hello", "world")));
                peer.ok("service.sendToGroup", new JsonObject().put("group", "g1").put("data", "group text").put("contentType", "text/plain"));
                peer.ok("service.sendToUser", new JsonObject().put("userId", "js-user").put("data", "user text").put("contentType", "text/plain"));
                peer.ok("service.sendToConnection", new JsonObject().put("connectionId", id).put("dataType", "binary").put("data", "CQgH"));
                Awaitility.await().until(() -> client.messages().size() == 4);
                assertThat(client.messages()).extracting(m -> m.getValue("data").toString())
                        .containsExactly("{\"hello\":\"world\"}", "group text", "user text", "CQgH");

                peer.ok("service.addConnectionToGroup", new JsonObject().put("group", "g2").put("connectionId", id));
                assertThat(peer.ok("service.groupExists", new JsonObject().put("group", "g2"))).isEqualTo(true);
                assertThat(peer.ok("service.connectionExists", new JsonObject().put("connectionId", id))).isEqualTo(true);
                assertThat(peer.ok("service.userExists", new JsonObject().put("userId", "ghost"))).isEqualTo(false);
                JsonArray members = (JsonArray) peer.ok("service.listConnections", new JsonObject().put("group", "g2").put("maxPageSize", 1));
                assertThat(members).hasSize(1);
                assertThat(members.getJsonObject(0).getString("connectionId")).isEqualTo(id);
                peer.ok("service.removeConnectionFromGroup", new JsonObject().put("group", "g2").put("connectionId", id));
                peer.ok("service.addUserToGroup", new JsonObject().put("group", "g3").put("userId", "js-user"));
                peer.ok("service.removeUserFromGroup", new JsonObject().put("group", "g3").put("userId", "js-user"));
                peer.ok("service.removeConnectionFromAllGroups", new JsonObject().put("connectionId", id));
                assertThat(emulator.get().connection(HUB, id).orElseThrow().groups()).isEmpty();

                peer.ok("service.grantPermission", new JsonObject().put("connectionId", id).put("permission", "joinLeaveGroup"));
                assertThat(peer.ok("service.hasPermission", new JsonObject().put("connectionId", id).put("permission", "joinLeaveGroup")))
                        .isEqualTo(true);
                peer.ok("service.revokePermission", new JsonObject().put("connectionId", id).put("permission", "joinLeaveGroup"));

                peer.ok("service.closeAllConnections", new JsonObject().put("reason", "maintenance"));
                client.awaitClosed();
                assertThat(client.await(f -> "disconnected".equals(f.getString("event"))).getString("message")).isEqualTo("maintenance");
            }
            peer.ok("service.closeConnection", new JsonObject().put("connectionId", "gone"));
            peer.ok("service.closeGroupConnections", new JsonObject().put("group", "g1"));
            peer.ok("service.closeUserConnections", new JsonObject().put("userId", "js-user"));
        }
    }
}
