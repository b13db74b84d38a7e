package io.github.webpubsub.emulator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.JsPeer;
import io.vertx.core.json.JsonObject;

/** Microsoft's official JS client, two of them in one group, against the emulator. */
class JsClientInteropTest {

    private static final String HUB = "chat";
    private static final List<String> ROLES = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private JsPeer peer;

    @BeforeEach
    void startPeer() {
        peer = JsPeer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    private String start(String client, String userId, List<String> roles) {
        WebPubSubEmulator e = emulator.get();
        peer.ok("client.start", new JsonObject().put("client", client).put("url", e.clientAccessUrl(HUB, userId, roles, List.of())));
        return peer.await(ev -> client.equals(ev.getString("client")) && "connected".equals(ev.getString("event")))
                .getString("connectionId");
    }

    private void join(String client, String group) {
        peer.ok("client.joinGroup", new JsonObject().put("client", client).put("group", group));
    }

    private JsonObject send(String client, String group, String dataType, Object data) {
        return (JsonObject) peer.ok("client.sendToGroup", new JsonObject().put("client", client).put("group", group)
                .put("dataType", dataType).put("data", data));
    }

    private List<JsonObject> groupMessages(String client) {
        return peer.events(client, "group-message").stream().map(e -> e.getJsonObject("message")).toList();
    }

    @Test
    void membersOfAGroupExchangeTextJsonAndBinary() {
        start("a", "alice", ROLES);
        start("b", "bob", ROLES);
        join("a", "g1");
        join("b", "g1");

        send("a", "g1", "text", "hello");
        send("a", "g1", "json", new JsonObject().put("n", 1).put("s", "x"));
        send("a", "g1", "binary", "AQID");

        Awaitility.await().until(() -> groupMessages("b").size() == 3);
        List<JsonObject> received = groupMessages("b");
        assertThat(received).extracting(m -> m.getString("dataType")).containsExactly("text", "json", "binary");
        assertThat(received.get(0).getString("data")).isEqualTo("hello");
        assertThat(received.get(1).getJsonObject("data")).isEqualTo(new JsonObject().put("n", 1).put("s", "x"));
        assertThat(received.get(2).getString("data")).isEqualTo("AQID");
        assertThat(received).allSatisfy(m -> {
            assertThat(m.getString("group")).isEqualTo("g1");
            assertThat(m.getString("fromUserId")).isEqualTo("alice");
        });
        // Without noEcho the sender gets its own messages too.
        Awaitility.await().until(() -> groupMessages("a").size() == 3);
    }

    @Test
    void noEchoKeepsAMessageFromItsSender() {
        start("a", "alice", ROLES);
        start("b", "bob", ROLES);
        join("a", "g1");
        join("b", "g1");

        peer.ok("client.sendToGroup", new JsonObject().put("client", "a").put("group", "g1").put("dataType", "text")
                .put("data", "quiet").put("noEcho", true));
        send("a", "g1", "text", "loud");

        Awaitility.await().until(() -> groupMessages("b").size() == 2);
        Awaitility.await().until(() -> groupMessages("a").size() == 1);
        // Messages reach a connection in order: had "quiet" been echoed, it would have come before "loud".
        assertThat(groupMessages("a")).extracting(m -> m.getString("data")).containsExactly("loud");
    }

    @Test
    void aSentEventReachesTheListener() {
        String connectionId = start("a", "alice", List.of());
        JsonObject result = (JsonObject) peer.ok("client.sendEvent", new JsonObject().put("client", "a").put("event", "orderPlaced")
                .put("dataType", "json").put("data", new JsonObject().put("order", 42)));

        assertThat(result.getBoolean("isDuplicated")).isFalse();
        assertThat(emulator.get().userEvents()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("orderPlaced");
            assertThat(e.connectionId()).isEqualTo(connectionId);
            assertThat(e.userId()).isEqualTo("alice");
            assertThat(e.dataType()).isEqualTo("json");
            assertThat(new JsonObject(e.data())).isEqualTo(new JsonObject().put("order", 42));
        });
    }

    @Test
    void aReusedAckIdIsReportedAsDuplicateAndPublishedOnce() {
        start("a", "alice", ROLES);
        start("b", "bob", ROLES);
        join("b", "g1");
        JsonObject first = (JsonObject) peer.ok("client.sendToGroup", new JsonObject().put("client", "a").put("group", "g1")
                .put("dataType", "text").put("data", "once").put("ackId", 500));
        JsonObject again = (JsonObject) peer.ok("client.sendToGroup", new JsonObject().put("client", "a").put("group", "g1")
                .put("dataType", "text").put("data", "once").put("ackId", 500));
        send("a", "g1", "text", "after");

        assertThat(first.getBoolean("isDuplicated")).isFalse();
        assertThat(again.getBoolean("isDuplicated")).isTrue();
        Awaitility.await().until(() -> groupMessages("b").size() == 2);
        assertThat(groupMessages("b")).extracting(m -> m.getString("data")).containsExactly("once", "after");
    }

    @Test
    void aClientWithoutTheRoleIsForbidden() {
        start("c", "carol", List.of("webpubsub.sendToGroup.other"));
        JsonObject join = peer.call("client.joinGroup", new JsonObject().put("client", "c").put("group", "g1"));
        JsonObject send = peer.call("client.sendToGroup", new JsonObject().put("client", "c").put("group", "g1")
                .put("dataType", "text").put("data", "x"));

        assertThat(join.getBoolean("ok")).isFalse();
        assertThat(join.getJsonObject("error").getJsonObject("errorDetail").getString("name")).isEqualTo("Forbidden");
        assertThat(send.getBoolean("ok")).isFalse();
        assertThat(send.getJsonObject("error").getJsonObject("errorDetail").getString("name")).isEqualTo("Forbidden");
        assertThat(emulator.get().connections(HUB)).singleElement().satisfies(c -> assertThat(c.groups()).isEmpty());
    }

    @Test
    void dropsAreRecoveredWithNothingLostOrDuplicated() {
        start("a", "alice", ROLES);
        String bob = start("b", "bob", ROLES);
        join("b", "g1");

        for (int round = 0; round < 3; round++) {
            int from = round * 20;
            IntStream.range(from, from + 20).forEach(i -> send("a", "g1", "text", "m" + i));
            assertThat(emulator.get().faults().drop(HUB, bob)).isTrue();
        }
        IntStream.range(60, 70).forEach(i -> send("a", "g1", "text", "m" + i));

        Awaitility.await().until(() -> groupMessages("b").size() >= 70);
        assertThat(groupMessages("b")).extracting(m -> m.getString("data"))
                .containsExactlyElementsOf(IntStream.range(0, 70).mapToObj(i -> "m" + i).toList());
        // Recovered, not reconnected: the same connection, and no second connected event.
        assertThat(peer.events("b", "connected")).hasSize(1);
        assertThat(peer.events("b", "disconnected")).isEmpty();
        assertThat(emulator.get().connection(HUB, bob)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo("CONNECTED"));
    }

    @Test
    void aCloseWith1008MakesTheClientOpenANewConnectionAndRejoin() {
        start("a", "alice", ROLES);
        String bob = start("b", "bob", ROLES);
        join("b", "g1");

        assertThat(emulator.get().faults().close(HUB, bob, 1008, "policy")).isTrue();

        JsonObject reconnected = peer.await(e -> "b".equals(e.getString("client")) && "connected".equals(e.getString("event"))
                && !bob.equals(e.getString("connectionId")));
        assertThat(peer.events("b", "disconnected")).hasSize(1);
        Awaitility.await().until(() -> emulator.get().connection(HUB, reconnected.getString("connectionId"))
                .map(c -> c.groups().contains("g1")).orElse(false));
        send("a", "g1", "text", "welcome back");
        Awaitility.await().until(() -> groupMessages("b").stream().anyMatch(m -> "welcome back".equals(m.getString("data"))));
        assertThat(emulator.get().connection(HUB, bob)).isEmpty();
    }
}
