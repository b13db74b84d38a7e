package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;

import io.github.webpubsub.emulator.ConnectionInfo;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * The newer options set only as camel.component.webpubsub.* properties of a Camel Main application reach every
 * endpoint, and the connections behave as they say: what the service sees acknowledged (ackMode, sequenceAckBatch),
 * what the dev console shows in flight and queued (maxInFlightSends), and why a socket was lost (webSocketOptions).
 */
class WebPubSubMainPropertiesTest {

    private static final String HUB = "chat";
    private static final int FRAME_LIMIT = 2048;

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void componentPropertiesReachTheConnectionsAndTakeEffect() throws Exception {
        WebSocketClientOptions transport = new WebSocketClientOptions().setMaxFrameSize(FRAME_LIMIT)
                .setMaxMessageSize(FRAME_LIMIT);
        Main main = new Main();
        main.bind("transport", transport);
        Map.of("connection-string", emulator.get().connectionString(), "hub", HUB, "user-id", "main-props",
                "recovery-window", "45s", "recovery-delay", "250ms", "connect-timeout", "7s",
                "sequence-ack-batch", "3", "sequence-ack-interval", "10m", "max-in-flight-sends", "1",
                "ack-mode", "onReceipt")
                .forEach((name, value) -> main.addInitialProperty("camel.component.webpubsub." + name, value));
        main.addInitialProperty("camel.component.webpubsub.web-socket-options", "#bean:transport");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:props").routeId("props")
                        .process(exchange -> release.await(30, TimeUnit.SECONDS)).to("mock:props");
                from("direct:props").to("webpubsub:props?userId=main-sender");
            }
        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            await().until(() -> consumerConnection().map(c -> c.groups().contains("props")).orElse(false));

            // The endpoint has what the properties said, the bean itself included.
            WebPubSubConfiguration endpoint = context.getEndpoint("webpubsub:props", WebPubSubEndpoint.class)
                    .getConfiguration();
            assertThat(endpoint.getRecoveryWindow()).isEqualTo(45_000);
            assertThat(endpoint.getRecoveryDelay()).isEqualTo(250);
            assertThat(endpoint.getConnectTimeout()).isEqualTo(7_000);
            assertThat(endpoint.getSequenceAckBatch()).isEqualTo(3);
            assertThat(endpoint.getMaxInFlightSends()).isEqualTo(1);
            assertThat(endpoint.getAckMode()).isEqualTo("onReceipt");
            assertThat(endpoint.getWebSocketOptions()).isSameAs(transport);

            // ackMode=onReceipt and sequenceAckBatch=3: with the route held on the first message, the service sees
            // nothing acknowledged after two messages, and everything after the third.
            WebPubSubServiceClient service = new WebPubSubServiceClientBuilder()
                    .connectionString(emulator.get().connectionString()).hub(HUB).buildClient();
            service.sendToGroup("props", "m1", WebPubSubContentType.TEXT_PLAIN);
            service.sendToGroup("props", "m2", WebPubSubContentType.TEXT_PLAIN);
            await().until(() -> unacked() == 2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> unacked() == 2);
            service.sendToGroup("props", "m3", WebPubSubContentType.TEXT_PLAIN);
            await().until(() -> unacked() == 0);
            MockEndpoint processed = context.getEndpoint("mock:props", MockEndpoint.class);
            assertThat(processed.getReceivedCounter()).as("processed while acknowledged").isZero();
            release.countDown();
            await().until(() -> processed.getReceivedCounter() == 3);

            // maxInFlightSends=1: with acks slow, the second send waits in the queue, not on the wire.
            emulator.get().faults().delayAcks(Duration.ofSeconds(1), 2);
            ProducerTemplate template = context.createProducerTemplate();
            List<CompletableFuture<Object>> sends = List.of(template.asyncSendBody("direct:props", "s1"),
                    template.asyncSendBody("direct:props", "s2"));
            await().until(() -> Integer.valueOf(1).equals(figure(context, "chat/main-sender", "sendsInFlight"))
                    && Integer.valueOf(1).equals(figure(context, "chat/main-sender", "sendsQueued")));
            for (CompletableFuture<Object> send : sends) {
                send.get(10, TimeUnit.SECONDS);
            }

            // webSocketOptions: a message beyond the bean's frame limit ends the socket, and the console says so.
            service.sendToGroup("props", "x".repeat(2 * FRAME_LIMIT), WebPubSubContentType.TEXT_PLAIN);
            await().until(() -> String.valueOf(figure(context, "chat/main-props", "lastProblem"))
                    .contains(String.valueOf(FRAME_LIMIT)));
        } finally {
            release.countDown();
            main.stop();
        }
    }

    private static Optional<ConnectionInfo> consumerConnection() {
        return emulator.get().connections(HUB).stream()
                .filter(c -> "main-props".equals(c.userId()) && "CONNECTED".equals(c.state())).findFirst();
    }

    private static long unacked() {
        return consumerConnection().map(ConnectionInfo::unacked).orElse(-1);
    }

    /** One figure of one connection, as Camel's developer console shows it. */
    @SuppressWarnings("unchecked")
    private static Object figure(CamelContext context, String connection, String name) {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("webpubsub");
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        return ((List<Map<String, Object>>) json.get("connections")).stream()
                .filter(c -> connection.equals(c.get("name"))).findFirst().map(c -> c.get(name)).orElse(null);
    }
}
