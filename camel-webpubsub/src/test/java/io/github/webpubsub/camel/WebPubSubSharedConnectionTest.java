package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.stream.IntStream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** Fifty consumer routes on fifty groups, and a producer, over one WebSocket connection. */
class WebPubSubSharedConnectionTest extends WebPubSubTestSupport {

    private static final int ROUTES = 50;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ROUTES; i++) {
                    from("webpubsub:group-" + i + "?userId=shared").routeId("group-" + i).to("mock:group-" + i);
                }
                from("direct:send").to("webpubsub:?userId=shared");
            }
        };
    }

    @Test
    void fiftyRoutesShareOneConnectionThatJoinsEveryGroup() throws Exception {
        await().until(() -> connectionsOf("shared").size() == 1
                && connectionsOf("shared").get(0).groups().size() == ROUTES);
        assertThat(connectionsOf("shared").get(0).groups())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ROUTES).mapToObj(i -> "group-" + i).toList());

        MockEndpoint group7 = getMockEndpoint("mock:group-7");
        group7.expectedBodiesReceived("for seven");
        MockEndpoint group8 = getMockEndpoint("mock:group-8");
        group8.expectedMessageCount(0);
        template.sendBodyAndHeader("direct:send", "for seven", WebPubSubConstants.GROUP, "group-7");

        group7.assertIsSatisfied();
        group8.assertIsSatisfied();
        assertThat(connectionsOf("shared")).hasSize(1);
    }

    @Test
    void stoppingARouteLeavesItsGroupAndTheLastOneClosesTheConnection() throws Exception {
        await().until(() -> connectionsOf("shared").size() == 1
                && connectionsOf("shared").get(0).groups().size() == ROUTES);

        context.getRouteController().stopRoute("group-3");
        await().until(() -> !connectionsOf("shared").get(0).groups().contains("group-3"));

        context.stop();
        await().until(() -> connectionsOf("shared").isEmpty());
    }

    @Test
    void twoConsumersOfOneGroupThatDifferOnlyInTheirClientAccessUrlBothStart() throws Exception {
        String first = emulator.get().clientAccessUrl(HUB, "url-one", java.util.List.of("webpubsub.joinLeaveGroup"), java.util.List.of());
        String second = emulator.get().clientAccessUrl(HUB, "url-two", java.util.List.of("webpubsub.joinLeaveGroup"), java.util.List.of());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:by-url?clientAccessUrl=RAW(" + first + ")").to("mock:by-url");
                from("webpubsub:by-url?clientAccessUrl=RAW(" + second + ")").to("mock:by-url");
            }
        });
        await().until(() -> connectionsOf("url-one").size() == 1 && connectionsOf("url-two").size() == 1
                && connectionsOf("url-one").get(0).groups().contains("by-url")
                && connectionsOf("url-two").get(0).groups().contains("by-url"));

        MockEndpoint byUrl = getMockEndpoint("mock:by-url");
        byUrl.expectedBodiesReceived("to both", "to both");
        template.sendBodyAndHeader("direct:send", "to both", WebPubSubConstants.GROUP, "by-url");
        byUrl.assertIsSatisfied();
    }
}
