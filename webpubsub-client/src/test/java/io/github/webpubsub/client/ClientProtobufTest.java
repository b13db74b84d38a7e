package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;

import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.JsPeer;
import io.vertx.core.json.JsonObject;

/**
 * protobuf and protobuf.reliable clients in one group with Microsoft's JS client (a JSON client): each side gets what
 * the service's docs say it should.
 */
class ClientProtobufTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    private static JsPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = JsPeer.start();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private static void startJs(String name, String userId, String group) {
        WebPubSubEmulator e = emulator.get();
        peer.ok("client.start", new JsonObject().put("client", name)
                .put("url", e.clientAccessUrl(Clients.HUB, userId, Clients.PUBLISHER, List.of())));
        peer.ok("client.joinGroup", new JsonObject().put("client", name).put("group", group));
    }

    private static List<JsonObject> jsGroupMessages(String name) {
        return peer.events(name, "group-message").stream().map(e -> e.getJsonObject("message")).toList();
    }

    @ParameterizedTest
    @EnumSource(value = WebPubSubProtocol.class, names = {"PROTOBUF_RELIABLE", "PROTOBUF"})
    void protobufAndJsonClientsExchangeTextJsonBinaryAndProtobuf(WebPubSubProtocol protocol) {
        String group = "room-" + protocol.shortName();
        String js = "js-" + protocol.shortName();
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = clients.started(Clients.options(emulator.get(), "proto").setProtocol(protocol), events);
        client.joinGroup(group).orTimeout(30, TimeUnit.SECONDS).join();
        startJs(js, "bob", group);
        Any any = Any.pack(StringValue.of("typed"));

        // The protobuf client publishes: the JS client sees text, text (json has no protobuf form), binary, protobuf.
        client.sendToGroup(group, MessageData.text("hi")).orTimeout(30, TimeUnit.SECONDS).join();
        client.sendToGroup(group, MessageData.json("{\"a\":1}")).orTimeout(30, TimeUnit.SECONDS).join();
        client.sendToGroup(group, MessageData.binary(new byte[] {1, 2, 3})).orTimeout(30, TimeUnit.SECONDS).join();
        client.sendToGroup(group, MessageData.protobuf(any.toByteArray())).orTimeout(30, TimeUnit.SECONDS).join();
        await().untilAsserted(() -> assertThat(jsGroupMessages(js)).hasSize(4));
        List<JsonObject> atJs = jsGroupMessages(js);
        assertThat(atJs).extracting(m -> m.getString("dataType")).containsExactly("text", "text", "binary", "protobuf");
        assertThat(atJs.get(0).getString("data")).isEqualTo("hi");
        assertThat(atJs.get(1).getString("data")).isEqualTo("{\"a\":1}");
        assertThat(Base64.getDecoder().decode(atJs.get(2).getString("data"))).containsExactly(1, 2, 3);
        assertThat(Base64.getDecoder().decode(atJs.get(3).getString("data"))).isEqualTo(any.toByteArray());
        assertThat(atJs).allSatisfy(m -> assertThat(m.getString("fromUserId")).isEqualTo("proto"));

        // The JS client publishes: the protobuf client gets text and json as text, binary as bytes.
        peer.ok("client.sendToGroup", new JsonObject().put("client", js).put("group", group)
                .put("dataType", "text").put("data", "hello"));
        peer.ok("client.sendToGroup", new JsonObject().put("client", js).put("group", group)
                .put("dataType", "json").put("data", new JsonObject().put("n", 1)));
        peer.ok("client.sendToGroup", new JsonObject().put("client", js).put("group", group)
                .put("dataType", "binary").put("data", Base64.getEncoder().encodeToString(new byte[] {9})));
        await().untilAsserted(() -> assertThat(events.of(WebPubSubEvent.GroupMessage.class)).hasSize(7));
        List<WebPubSubEvent.GroupMessage> received = events.of(WebPubSubEvent.GroupMessage.class);
        // Its own four came back first (no noEcho), protobuf as the same Any.
        assertThat(received.get(3).data()).isEqualTo(MessageData.protobuf(any.toByteArray()));
        assertThat(received.get(4).data()).isEqualTo(MessageData.text("hello"));
        assertThat(received.get(5).data().type()).isEqualTo(DataType.TEXT);
        assertThat(new JsonObject(received.get(5).data().asText())).isEqualTo(new JsonObject().put("n", 1));
        assertThat(received.get(6).data()).isEqualTo(MessageData.binary(new byte[] {9}));
        assertThat(received).allSatisfy(m -> assertThat(m.group()).isEqualTo(group));
        if (protocol.reliable()) {
            assertThat(received).extracting(WebPubSubEvent.GroupMessage::sequenceId)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        } else {
            assertThat(received).extracting(WebPubSubEvent.GroupMessage::sequenceId).containsOnlyNulls();
        }
    }
}
