package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.Faults;

/**
 * Lifecycle events reach routes that ask for them, with their headers: a new connection, a drop and its recovery, a
 * refused recovery that ends the connection, and a refused rejoin.
 */
class WebPubSubLifecycleEventsTest extends WebPubSubTestSupport {

    private final List<Exchange> lifecycle = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:?userId=watcher&roles=webpubsub.joinLeaveGroup.lobby"
                        + "&events=connected,disconnected,stopped,rejoin-group-failed,recovering,recovered")
                        .routeId("lifecycle").process(exchange -> lifecycle.add(exchange.copy()));
                from("webpubsub:lobby?userId=watcher&roles=webpubsub.joinLeaveGroup.lobby").routeId("lobby")
                        .to("mock:lobby");
            }
        };
    }

    private List<String> eventTypes() {
        return lifecycle.stream().map(e -> e.getMessage().getHeader(WebPubSubConstants.EVENT_TYPE, String.class)).toList();
    }

    private Exchange last(String type) {
        List<Exchange> matching = lifecycle.stream()
                .filter(e -> type.equals(e.getMessage().getHeader(WebPubSubConstants.EVENT_TYPE))).toList();
        return matching.get(matching.size() - 1);
    }

    @Test
    void connectedRecoveringRecoveredAndDisconnectedReachTheRouteWithTheirHeaders() throws Exception {
        await().until(() -> eventTypes().contains("connected"));
        String first = connectionsOf("watcher").get(0).connectionId();
        assertThat(last("connected").getMessage().getHeader(WebPubSubConstants.CONNECTION_ID)).isEqualTo(first);
        assertThat(last("connected").getMessage().getHeader(WebPubSubConstants.USER_ID)).isEqualTo("watcher");

        emulator.get().faults().drop(HUB, first);
        await().until(() -> eventTypes().contains("recovered"));
        Exchange recovering = last("recovering");
        assertThat(recovering.getMessage().getHeader(WebPubSubConstants.CONNECTION_ID)).isEqualTo(first);
        assertThat(recovering.getMessage().getHeader(WebPubSubConstants.CLOSE_CODE)).isNull();
        assertThat(recovering.getMessage().getBody(String.class)).contains("lost without a close frame");
        assertThat(last("recovered").getMessage().getHeader(WebPubSubConstants.CONNECTION_ID)).isEqualTo(first);

        emulator.get().faults().refuseRecoveries(1);
        emulator.get().faults().drop(HUB, first);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("disconnected")
                && eventTypes().lastIndexOf("connected") > eventTypes().indexOf("disconnected"));
        Exchange disconnected = last("disconnected");
        assertThat(disconnected.getMessage().getHeader(WebPubSubConstants.CONNECTION_ID)).isEqualTo(first);
        assertThat(disconnected.getMessage().getHeader(WebPubSubConstants.CLOSE_CODE)).isEqualTo(1008);
        assertThat(disconnected.getMessage().getBody(String.class)).contains("lost without a close frame");

        context.getRouteController().stopRoute("lobby");
        context.getRouteController().stopRoute("lifecycle");
        assertThat(eventTypes()).containsSubsequence("connected", "recovering", "recovered", "disconnected", "connected");
    }

    @Test
    void aGroupThatCannotBeJoinedAgainRaisesRejoinGroupFailedWithTheGroup() {
        await().until(() -> connectionsOf("watcher").stream().anyMatch(c -> c.groups().contains("lobby")));
        String first = connectionsOf("watcher").get(0).connectionId();
        // The next connection's joins are refused: the service answers Forbidden.
        emulator.get().faults().failAcks("Forbidden", "not any more", Faults.UNTIL_CLEARED);
        try {
            emulator.get().faults().close(HUB, first, 1008, "policy");
            await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("rejoin-group-failed"));
            Exchange failed = last("rejoin-group-failed");
            assertThat(failed.getMessage().getHeader(WebPubSubConstants.GROUP)).isEqualTo("lobby");
            assertThat(failed.getMessage().getBody(String.class)).contains("Forbidden");
        } finally {
            emulator.get().faults().clear();
        }
    }

    @Test
    void anInOutConsumerIsRefusedAtCreationNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("webpubsub:lobby?exchangePattern=InOut&userId=x")
                .createConsumer(exchange -> {
                })).hasMessageContaining("exchangePattern=InOut");
    }
}
