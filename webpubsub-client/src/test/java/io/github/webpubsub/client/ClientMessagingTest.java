package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.JsPeer;
import io.vertx.core.json.JsonObject;

/** Joining, publishing and receiving, with Microsoft's JS client as the other member of the group. */
class ClientMessagingTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private static JsPeer peer;

    private WebPubSubClient client;
    private final RecordingListener events = new RecordingListener();

    @BeforeAll
    static void startPeer() {
        peer = JsPeer.start();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private WebPubSubClient started(WebPubSubClientOptions options) {
        client = WebPubSubClient.create(options).addListener(events);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    private void startJs(String name, String userId) {
        WebPubSubEmulator e = emulator.get();
        peer.ok("client.start", new JsonObject().put("client", name)
                .put("url", e.clientAccessUrl(Clients.HUB, userId, Clients.PUBLISHER, List.of())));
    }

    private List<JsonObject> jsGroupMessages(String name) {
        return peer.events(name, "group-message").stream().map(e -> e.getJsonObject("message")).toList();
    }

    @Test
    void startRaisesConnectedWithTheConnectionAndUser() {
        started(Clients.options(emulator.get(), "alice"));

        assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
        await().until(() -> !events.of(WebPubSubEvent.Connected.class).isEmpty());
        WebPubSubEvent.Connected connected = events.of(WebPubSubEvent.Connected.class).get(0);
        assertThat(connected.userId()).isEqualTo("alice");
        assertThat(connected.connectionId()).isEqualTo(client.connectionId());
        assertThat(emulator.get().connection(Clients.HUB, client.connectionId())).isPresent();
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(client.connectionId()).isEqualTo(connected.connectionId());
    }

    @Test
    void receivesTextJsonAndBinaryFromTheJsClient() {
        started(Clients.options(emulator.get(), "alice"));
        client.joinGroup("room1").orTimeout(30, TimeUnit.SECONDS).join();
        startJs("js1", "bob");

        peer.ok("client.sendToGroup", new JsonObject().put("client", "js1").put("group", "room1")
                .put("dataType", "text").put("data", "hello"));
        peer.ok("client.sendToGroup", new JsonObject().put("client", "js1").put("group", "room1")
                .put("dataType", "json").put("data", new JsonObject().put("n", 1)));
        peer.ok("client.sendToGroup", new JsonObject().put("client", "js1").put("group", "room1")
                .put("dataType", "binary").put("data", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));

        await().until(() -> events.of(WebPubSubEvent.GroupMessage.class).size() == 3);
        List<WebPubSubEvent.GroupMessage> messages = events.of(WebPubSubEvent.GroupMessage.class);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.group()).isEqualTo("room1");
            assertThat(m.fromUserId()).isEqualTo("bob");
            assertThat(m.connectionId()).isEqualTo(client.connectionId());
        });
        assertThat(messages.get(0).data()).isEqualTo(MessageData.text("hello"));
        assertThat(messages.get(1).data().type()).isEqualTo(DataType.JSON);
        assertThat(new JsonObject(messages.get(1).data().asText())).isEqualTo(new JsonObject().put("n", 1));
        assertThat(messages.get(2).data()).isEqualTo(MessageData.binary(new byte[] {1, 2, 3}));
        assertThat(messages).extracting(WebPubSubEvent.GroupMessage::sequenceId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theJsClientReceivesTextJsonAndBinary() {
        started(Clients.options(emulator.get(), "alice"));
        startJs("js2", "bob");
        peer.ok("client.joinGroup", new JsonObject().put("client", "js2").put("group", "room2"));

        SendResult text = client.sendToGroup("room2", MessageData.text("hi")).orTimeout(30, TimeUnit.SECONDS).join();
        client.sendToGroup("room2", MessageData.json("{\"a\":[1,2]}")).orTimeout(30, TimeUnit.SECONDS).join();
        client.sendToGroup("room2", MessageData.binary("bytes".getBytes(StandardCharsets.UTF_8))).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(text.duplicated()).isFalse();
        assertThat(text.ackId()).isPositive();
        await().until(() -> jsGroupMessages("js2").size() == 3);
        List<JsonObject> received = jsGroupMessages("js2");
        assertThat(received).extracting(m -> m.getString("dataType")).containsExactly("text", "json", "binary");
        assertThat(received.get(0).getValue("data")).isEqualTo("hi");
        assertThat(received.get(1).getJsonObject("data")).isEqualTo(new JsonObject("{\"a\":[1,2]}"));
        assertThat(Base64.getDecoder().decode(received.get(2).getString("data"))).asString().isEqualTo("bytes");
        assertThat(received).allSatisfy(m -> assertThat(m.getString("fromUserId")).isEqualTo("alice"));
    }

    @Test
    void noEchoKeepsAMessageFromItsSender() {
        started(Clients.options(emulator.get(), "alice"));
        client.joinGroup("room3").orTimeout(30, TimeUnit.SECONDS).join();

        client.sendToGroup("room3", MessageData.text("quiet"), SendOptions.defaults().withNoEcho(true)).orTimeout(30, TimeUnit.SECONDS).join();
        client.sendToGroup("room3", MessageData.text("echoed")).orTimeout(30, TimeUnit.SECONDS).join();

        await().until(() -> events.groupTexts().contains("echoed"));
        assertThat(events.groupTexts()).containsExactly("echoed");
    }

    @Test
    void sendEventReachesTheEventHandler() {
        started(Clients.options(emulator.get(), "alice"));

        client.sendEvent("orderPlaced", MessageData.json("{\"id\":7}")).orTimeout(30, TimeUnit.SECONDS).join();

        await().until(() -> emulator.get().userEvents().stream().anyMatch(e -> e.event().equals("orderPlaced")));
        var event = emulator.get().userEvents().stream().filter(e -> e.event().equals("orderPlaced")).findFirst()
                .orElseThrow();
        assertThat(event.userId()).isEqualTo("alice");
        assertThat(new JsonObject(event.data())).isEqualTo(new JsonObject().put("id", 7));
    }

    @Test
    void forbiddenFailsAtOnceWithoutRetry() {
        started(Clients.options(emulator.get(), "mallory", List.of()).setRetryDelay(Duration.ofSeconds(20))
                .setMaxRetryDelay(Duration.ofSeconds(20)));

        CompletableFuture<SendResult> send = client.sendToGroup("room4", MessageData.text("no"));

        // With a 20 s retry delay, a retry would hold the failure back far beyond this wait.
        await().atMost(Duration.ofSeconds(5)).until(send::isDone);
        assertThatThrownBy(() -> send.orTimeout(30, TimeUnit.SECONDS).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(SendFailedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("Forbidden");
                    assertThat(e.ackId()).isPositive();
                    assertThat(e.errorMessage()).contains("room4");
                });
    }

    @Test
    void fireAndForgetCompletesWithoutAnAckId() {
        started(Clients.options(emulator.get(), "alice"));
        client.joinGroup("room5").orTimeout(30, TimeUnit.SECONDS).join();

        SendResult result = client.sendToGroup("room5", MessageData.text("ff"), SendOptions.defaults().withFireAndForget(true))
                .orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(result.ackId()).isNull();
        await().until(() -> events.groupTexts().contains("ff"));
    }

    @Test
    void invalidJsonFailsBeforeReachingTheService() {
        started(Clients.options(emulator.get(), "alice"));

        assertThatThrownBy(() -> client.sendToGroup("room6", MessageData.json("{not json")).orTimeout(30, TimeUnit.SECONDS).join())
                .cause().isInstanceOfSatisfying(SendFailedException.class,
                        e -> assertThat(e.errorName()).isEqualTo(SendFailedException.INVALID_REQUEST));
        assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
    }
}
