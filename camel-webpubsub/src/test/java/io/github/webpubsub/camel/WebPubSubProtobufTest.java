package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;

import io.github.webpubsub.emulator.support.JsPeer;
import io.vertx.core.json.JsonObject;

/**
 * protocol=protobuf.reliable routes beside Microsoft's JS client (a JSON client) in one group: a protobuf Message body
 * goes out as protobuf data, received protobuf data is an Any with its type URL in a header, and the JS client sees
 * what the service's docs say.
 */
class WebPubSubProtobufTest extends WebPubSubTestSupport {

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
                from("webpubsub:prices?userId=proto-consumer&protocol=protobuf.reliable").routeId("prices").to("mock:prices");
                from("direct:publish").to("webpubsub:prices?userId=proto-producer&protocol=protobuf.reliable");
                from("direct:plain").to("webpubsub:prices?userId=proto-plain&protocol=protobuf");
            }
        };
    }

    private static List<JsonObject> jsGroupMessages(String name) {
        return peer.events(name, "group-message").stream().map(e -> e.getJsonObject("message")).toList();
    }

    @Test
    void protobufRoutesAndTheJsClientExchangeTextJsonBinaryAndProtobuf() throws Exception {
        MockEndpoint prices = getMockEndpoint("mock:prices");
        prices.expectedMessageCount(8);
        await().until(() -> connectionsOf("proto-consumer").stream().anyMatch(c -> c.groups().contains("prices")));
        peer.ok("client.start", new JsonObject().put("client", "js").put("url",
                emulator.get().clientAccessUrl(HUB, "js-user", PUBLISHER, List.of())));
        peer.ok("client.joinGroup", new JsonObject().put("client", "js").put("group", "prices"));

        StringValue price = StringValue.of("MSFT 42");
        template.sendBody("direct:publish", price);
        template.sendBody("direct:publish", Any.pack(price));
        template.sendBody("direct:publish", "plain text");
        template.sendBody("direct:publish", new byte[] {1, 2, 3});
        template.sendBody("direct:plain", Map.of("n", 1));
        for (Object[] js : new Object[][] {{"text", "from js"}, {"json", new JsonObject().put("j", 2)},
                {"binary", Base64.getEncoder().encodeToString(new byte[] {7})}}) {
            peer.ok("client.sendToGroup", new JsonObject().put("client", "js").put("group", "prices")
                    .put("dataType", js[0]).put("data", js[1]));
        }

        prices.assertIsSatisfied(TimeUnit.SECONDS.toMillis(30));
        List<Exchange> received = prices.getReceivedExchanges();
        Any first = received.get(0).getMessage().getBody(Any.class);
        assertThat(first.unpack(StringValue.class)).isEqualTo(price);
        assertThat(received.get(0).getMessage().getHeader(WebPubSubConstants.PROTOBUF_TYPE_URL))
                .isEqualTo("type.googleapis.com/google.protobuf.StringValue");
        assertThat(received.get(0).getMessage().getHeader(WebPubSubConstants.DATA_TYPE)).isEqualTo("protobuf");
        // An Any body is sent as it is, not packed again.
        assertThat(received.get(1).getMessage().getBody(Any.class)).isEqualTo(Any.pack(price));
        assertThat(received.get(2).getMessage().getBody()).isEqualTo("plain text");
        assertThat(received.get(3).getMessage().getBody()).isEqualTo(new byte[] {1, 2, 3});
        assertThat(received.get(3).getMessage().getHeader(WebPubSubConstants.DATA_TYPE)).isEqualTo("binary");
        // JSON has no protobuf form: it travels as its text, as the service documents.
        assertThat(new JsonObject(received.get(4).getMessage().getBody(String.class))).isEqualTo(new JsonObject().put("n", 1));
        assertThat(received.get(4).getMessage().getHeader(WebPubSubConstants.DATA_TYPE)).isEqualTo("text");
        assertThat(received.get(5).getMessage().getBody()).isEqualTo("from js");
        assertThat(new JsonObject(received.get(6).getMessage().getBody(String.class))).isEqualTo(new JsonObject().put("j", 2));
        assertThat(received.get(7).getMessage().getBody()).isEqualTo(new byte[] {7});
        assertThat(received).extracting(e -> e.getMessage().getHeader(WebPubSubConstants.SEQUENCE_ID))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

        // The JS client got the five Camel messages as its docs say: protobuf in base64, json as text.
        await().until(() -> jsGroupMessages("js").size() >= 5);
        List<JsonObject> atJs = jsGroupMessages("js").subList(0, 5);
        assertThat(atJs).extracting(m -> m.getString("dataType"))
                .containsExactly("protobuf", "protobuf", "text", "binary", "text");
        assertThat(Base64.getDecoder().decode(atJs.get(0).getString("data"))).isEqualTo(Any.pack(price).toByteArray());
        assertThat(atJs.get(2).getString("data")).isEqualTo("plain text");
        assertThat(new JsonObject(atJs.get(4).getString("data"))).isEqualTo(new JsonObject().put("n", 1));
    }
}
