package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.camel.Endpoint;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;

/** {@code toD} with the group in an expression uses one endpoint and one producer for every group. */
class WebPubSubDynamicGroupsTest extends WebPubSubTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rooms").toD("webpubsub:${header.room}?userId=dispatcher");
            }
        };
    }

    @Test
    void twentyGroupsThroughOneEndpointAndOneProducer() throws Exception {
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        WebPubSubClient listener = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), HUB).userId("listener")
                .roles(List.of("webpubsub.joinLeaveGroup")).build()));
        listener.addListener(event -> {
            if (event instanceof WebPubSubEvent.GroupMessage message) {
                received.computeIfAbsent(message.group(), g -> new CopyOnWriteArrayList<>()).add(message.data().asText());
            }
        });
        try {
            listener.start().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 20; i++) {
                listener.joinGroup("room-" + i).get(10, TimeUnit.SECONDS);
            }

            IntStream.range(0, 20).forEach(i -> template.sendBodyAndHeader("direct:rooms", "hello " + i, "room", "room-" + i));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 20);
            IntStream.range(0, 20).forEach(i -> assertThat(received.get("room-" + i)).containsExactly("hello " + i));
            List<Endpoint> endpoints = context.getEndpoints().stream()
                    .filter(endpoint -> endpoint instanceof WebPubSubEndpoint).toList();
            assertThat(endpoints).singleElement().satisfies(endpoint -> assertThat(((WebPubSubEndpoint) endpoint)
                    .getConfiguration().getGroup()).isNull());
            assertThat(connectionsOf("dispatcher")).hasSize(1);
            // One producer: toD's producer cache created one for the one endpoint, and Camel keeps each producer it
            // caches among the context's services (twenty endpoints would have made twenty).
            assertThat(context.hasServices(WebPubSubProducer.class)).singleElement()
                    .satisfies(producer -> assertThat(producer.getEndpoint()).isSameAs(endpoints.get(0)));
        } finally {
            listener.close();
        }
    }

    @Test
    void theGroupIsReadFromTheUri() {
        assertThat(WebPubSubSendDynamicAware.group("webpubsub:room%201?userId=u")).isEqualTo("room 1");
        assertThat(WebPubSubSendDynamicAware.group("webpubsub://lobby")).isEqualTo("lobby");
        assertThat(WebPubSubSendDynamicAware.group("webpubsub:?operation=sendEvent")).isNull();
    }
}
