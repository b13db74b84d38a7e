package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;

import io.github.webpubsub.emulator.support.JsPeer;
import io.vertx.core.json.JsonObject;

/**
 * Java DSL and YAML DSL routes exchanging messages with Microsoft's JS client, and server messages sent through the
 * REST API by Microsoft's Java service SDK.
 */
class WebPubSubRoutesTest extends WebPubSubTestSupport {

    private static final List<String> PUBLISHER = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");

    private static JsPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = JsPeer.start();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:lobby?userId=camel-consumer").routeId("lobby").to("mock:lobby");
                from("webpubsub:?userId=camel-consumer&events=server-message").routeId("server").to("mock:server");
                from("direct:send").routeId("send").to("webpubsub:outbox?userId=camel-producer");
            }
        };
    }

    private void startJs(String name, String userId) {
        peer.ok("client.start", new JsonObject().put("client", name)
                .put("url", emulator.get().clientAccessUrl(HUB, userId, PUBLISHER, List.of())));
    }

    private void jsSend(String name, String group, String dataType, Object data) {
        peer.ok("client.sendToGroup", new JsonObject().put("client", name).put("group", group).put("dataType", dataType)
                .put("data", data));
    }

    private void awaitJoined(String userId, String group) {
        await().until(() -> connectionsOf(userId).stream().anyMatch(c -> c.groups().contains(group)));
    }

    @Test
    void aJavaDslRouteConsumesTextJsonAndBinaryFromTheJsClient() throws Exception {
        MockEndpoint lobby = getMockEndpoint("mock:lobby");
        lobby.expectedMessageCount(3);
        awaitJoined("camel-consumer", "lobby");
        startJs("js-a", "alice");

        jsSend("js-a", "lobby", "text", "hello");
        jsSend("js-a", "lobby", "json", new JsonObject().put("n", 1));
        jsSend("js-a", "lobby", "binary", Base64.getEncoder().encodeToString(new byte[] {7, 8}));

        lobby.assertIsSatisfied();
        List<Exchange> received = lobby.getReceivedExchanges();
        assertThat(received.get(0).getMessage().getBody()).isEqualTo("hello");
        assertThat(new JsonObject(received.get(1).getMessage().getBody(String.class))).isEqualTo(new JsonObject().put("n", 1));
        assertThat(received.get(2).getMessage().getBody()).isEqualTo(new byte[] {7, 8});
        assertThat(received).extracting(e -> e.getMessage().getHeader(WebPubSubConstants.DATA_TYPE))
                .containsExactly("text", "json", "binary");
        assertThat(received).extracting(e -> e.getMessage().getHeader(WebPubSubConstants.SEQUENCE_ID))
                .doesNotContainNull();
        Map<String, Object> headers = received.get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry(WebPubSubConstants.EVENT_TYPE, "group-message")
                .containsEntry(WebPubSubConstants.GROUP, "lobby").containsEntry(WebPubSubConstants.FROM, "group")
                .containsEntry(WebPubSubConstants.FROM_USER_ID, "alice")
                .containsEntry(WebPubSubConstants.USER_ID, "camel-consumer");
        assertThat(headers.get(WebPubSubConstants.CONNECTION_ID)).isEqualTo(connectionsOf("camel-consumer").get(0).connectionId());
    }

    @Test
    void aProducerSendsTextJsonAndBinaryThatTheJsClientReceives() {
        startJs("js-b", "bob");
        peer.ok("client.joinGroup", new JsonObject().put("client", "js-b").put("group", "outbox"));

        Exchange text = template.send("direct:send", e -> e.getMessage().setBody("hi"));
        template.sendBody("direct:send", Map.of("total", 3));
        template.sendBody("direct:send", "raw".getBytes(StandardCharsets.UTF_8));

        assertThat(text.getException()).isNull();
        assertThat(text.getMessage().getHeader(WebPubSubConstants.ACK_ID, Long.class)).isPositive();
        assertThat(text.getMessage().getHeader(WebPubSubConstants.DUPLICATE)).isEqualTo(false);
        await().until(() -> peer.events("js-b", "group-message").size() == 3);
        List<JsonObject> messages = peer.events("js-b", "group-message").stream().map(e -> e.getJsonObject("message")).toList();
        assertThat(messages).extracting(m -> m.getString("dataType")).containsExactly("text", "json", "binary");
        assertThat(messages.get(0).getString("data")).isEqualTo("hi");
        assertThat(messages.get(1).getJsonObject("data")).isEqualTo(new JsonObject().put("total", 3));
        assertThat(Base64.getDecoder().decode(messages.get(2).getString("data"))).asString().isEqualTo("raw");
        assertThat(messages).allSatisfy(m -> assertThat(m.getString("fromUserId")).isEqualTo("camel-producer"));
    }

    @Test
    void serverMessagesFromTheJavaServiceSdkReachAServerMessageConsumer() throws Exception {
        MockEndpoint server = getMockEndpoint("mock:server");
        server.expectedBodiesReceived("to everyone", "{\"n\":2}");
        server.expectedHeaderValuesReceivedInAnyOrder(WebPubSubConstants.FROM, "server", "server");
        await().until(() -> !connectionsOf("camel-consumer").isEmpty());
        WebPubSubServiceClient sdk = new WebPubSubServiceClientBuilder().connectionString(emulator.get().connectionString())
                .hub(HUB).buildClient();

        sdk.sendToUser("camel-consumer", "to everyone", WebPubSubContentType.TEXT_PLAIN);
        sdk.sendToUser("camel-consumer", "{\"n\":2}", WebPubSubContentType.APPLICATION_JSON);

        server.assertIsSatisfied();
        assertThat(server.getReceivedExchanges().get(1).getMessage().getHeader(WebPubSubConstants.DATA_TYPE)).isEqualTo("json");
    }

    @Test
    void aYamlRouteConsumesAndProduces() throws Exception {
        String yaml = """
                - route:
                    id: yaml-echo
                    from:
                      uri: webpubsub:yaml-in
                      parameters:
                        userId: camel-yaml
                      steps:
                        - setBody:
                            simple: "echo: ${body}"
                        - to:
                            uri: webpubsub:yaml-out
                            parameters:
                              userId: camel-yaml
                        - to: mock:yaml
                """;
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("echo.yaml", yaml));
        MockEndpoint mock = getMockEndpoint("mock:yaml");
        mock.expectedBodiesReceived("echo: ping");
        awaitJoined("camel-yaml", "yaml-in");
        startJs("js-c", "carol");
        peer.ok("client.joinGroup", new JsonObject().put("client", "js-c").put("group", "yaml-out"));

        jsSend("js-c", "yaml-in", "text", "ping");

        mock.assertIsSatisfied();
        await().until(() -> peer.events("js-c", "group-message").stream()
                .anyMatch(e -> "echo: ping".equals(e.getJsonObject("message").getString("data"))));
    }
}
