package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import io.vertx.core.http.WebSocketClientOptions;

/**
 * The webSocketOptions bean reaches Vert.x whole: a connection whose bean allows only small messages does not get a
 * large one that a connection with the defaults gets, and it reports the limit as the reason its socket was lost.
 */
class WebPubSubWebSocketOptionsTest extends WebPubSubTestSupport {

    private static final int LIMIT = 2048;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("smallMessages",
                new WebSocketClientOptions().setMaxFrameSize(LIMIT).setMaxMessageSize(LIMIT));
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:sized?userId=small-messages&webSocketOptions=#smallMessages").routeId("small")
                        .to("mock:small");
                from("webpubsub:sized?userId=default-messages").to("mock:default");
                from("direct:sized").to("webpubsub:sized?userId=sized-sender");
            }
        };
    }

    @Test
    void aMessageAboveTheBeansLimitDoesNotArriveWhereTheDefaultsLetItThrough() throws Exception {
        await().until(() -> connectionsOf("small-messages").stream().anyMatch(c -> c.groups().contains("sized"))
                && connectionsOf("default-messages").stream().anyMatch(c -> c.groups().contains("sized")));
        String large = "x".repeat(4 * LIMIT);
        MockEndpoint defaults = getMockEndpoint("mock:default");
        defaults.expectedBodiesReceived("small", large);
        MockEndpoint small = getMockEndpoint("mock:small");
        small.expectedBodiesReceived("small");

        template.sendBody("direct:sized", "small");
        small.assertIsSatisfied();
        template.sendBody("direct:sized", large);

        defaults.assertIsSatisfied();
        WebPubSubConsumer consumer = (WebPubSubConsumer) context.getRoute("small").getConsumer();
        // Vert.x ends a socket whose frame is too big; the service sends the message again on every recovery.
        await().until(() -> consumer.getRecoveries() > 0 && consumer.getLastProblem() != null
                && consumer.getLastProblem().contains(String.valueOf(LIMIT)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> small.getReceivedCounter() == 1);
        small.assertIsSatisfied();
    }
}
