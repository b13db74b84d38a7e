package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.SendFailedException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * With a MeterRegistry in the registry, each connection has meters, and they count what happened: sends by outcome
 * and reason, retries, duplicates, received messages, ack latencies. They all go when the connection closes.
 */
class WebPubSubMetricsTest extends WebPubSubTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:metered?userId=metered-consumer").to("mock:metered");
                from("direct:metered").to("webpubsub:metered?userId=metered-producer&ackTimeout=500ms&maxRetries=1");
            }
        };
    }

    private double counter(String name, String connection) {
        return meters.get(name).tag("connection", connection).functionCounter().count();
    }

    private double sends(String connection, String outcome, String reason) {
        return meters.get("webpubsub.sends").tags("connection", connection, "outcome", outcome, "reason", reason)
                .counter().count();
    }

    private List<String> webPubSubMeters() {
        return meters.getMeters().stream().map(m -> m.getId().getName()).filter(n -> n.startsWith("webpubsub")).toList();
    }

    @Test
    void sendsRetriesDuplicatesAndReceivedMessagesAreCounted() throws Exception {
        await().until(() -> connectionsOf("metered-consumer").stream().anyMatch(c -> c.groups().contains("metered")));
        getMockEndpoint("mock:metered").expectedMessageCount(5);

        for (int i = 0; i < 4; i++) {
            template.sendBody("direct:metered", "m" + i);
        }
        // The service publishes the fifth but withholds its ack: one retry, answered with Duplicate.
        emulator.get().faults().withholdAcks(1);
        template.sendBody("direct:metered", "m4");
        getMockEndpoint("mock:metered").assertIsSatisfied();
        // The service refuses the sixth: a failed send, by its error name, never retried.
        emulator.get().faults().failAcks("Forbidden", 1);
        assertThatThrownBy(() -> template.sendBody("direct:metered", "m5")).hasRootCauseInstanceOf(SendFailedException.class);

        String producer = "chat/metered-producer";
        String consumer = "chat/metered-consumer";
        assertThat(counter("webpubsub.sends.retries", producer)).isEqualTo(1);
        assertThat(counter("webpubsub.sends.duplicates", producer)).isEqualTo(1);
        await().until(() -> counter("webpubsub.messages.received", consumer) == 5);
        assertThat(counter("webpubsub.messages.malformed", consumer)).isZero();
        assertThat(counter("webpubsub.connection.recoveries", consumer)).isZero();
        Timer latency = meters.get("webpubsub.send.ack.latency").tags("connection", producer, "outcome", "success").timer();
        assertThat(latency.count()).isEqualTo(5);
        assertThat(meters.get("webpubsub.send.ack.latency").tags("connection", producer, "outcome", "failure").timer()
                .count()).isEqualTo(1);
        assertThat(sends(producer, "success", "none")).isEqualTo(5);
        assertThat(sends(producer, "failure", "Forbidden")).isEqualTo(1);
        Gauge inFlight = meters.get("webpubsub.sends.in.flight").tag("connection", producer).gauge();
        assertThat(inFlight.value()).isZero();
        assertThat(meters.get("webpubsub.receive.lag").tag("connection", consumer).gauge().value()).isBetween(0.0, 5.0);
        assertThat(meters.get("webpubsub.connection.connected").tag("connection", consumer).gauge().value()).isEqualTo(1);
        assertThat(meters.get("webpubsub.groups").tag("connection", consumer).gauge().value()).isEqualTo(1);
        assertThat(meters.get("webpubsub.groups").tag("connection", producer).gauge().value()).isZero();
        assertThat(meters.get("webpubsub.connection.last.close.code").tag("connection", consumer).gauge().value())
                .isNaN();
        // The service closes the consumer's connection: the gauges show it at once, before a new one is made.
        emulator.get().faults().refuseUpgrades(503, io.github.webpubsub.emulator.Faults.UNTIL_CLEARED);
        String connectionId = connectionsOf("metered-consumer").get(0).connectionId();
        emulator.get().faults().close(HUB, connectionId, 1011, "going away");
        await().until(() -> meters.get("webpubsub.connection.connected").tag("connection", consumer).gauge().value() == 0);
        await().until(() -> meters.get("webpubsub.connection.last.close.code").tag("connection", consumer).gauge()
                .value() == 1008 || meters.get("webpubsub.connection.last.close.code").tag("connection", consumer)
                .gauge().value() == 1011);
        emulator.get().faults().clear();
        assertThat(meters.find("webpubsub.messages.received").functionCounters()).extracting(FunctionCounter::getId)
                .hasSize(2);

        // The routes stop, their connections close, and every meter goes with them, the per-send ones included.
        context.getRouteController().stopAllRoutes();
        assertThat(webPubSubMeters()).isEmpty();
    }

    @Test
    void twoConnectionsOfOneHubAndUserKeepMetersOfTheirOwnAndTheFirstToCloseRemovesOnlyItsOwn() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:twin?userId=twin").routeId("twin-1").to("mock:twin");
                // Same hub and user, another ack timeout: a second connection.
                from("webpubsub:twin?userId=twin&ackTimeout=20s").routeId("twin-2").to("mock:twin");
            }
        });
        String twin = "chat/twin";
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("webpubsub.messages.received")
                .tagKeys("connection").functionCounters().stream()
                .filter(c -> c.getId().getTag("connection").startsWith(twin)).count() == 2);
        assertThat(meters.find("webpubsub.receive.lag").gauges()).extracting(g -> g.getId().getTag("connection"))
                .contains(twin, twin + "#2");

        context.getRouteController().stopRoute("twin-1");
        // One connection closed: one set of meters left, still registered and read.
        assertThat(meters.find("webpubsub.receive.lag").gauges()).extracting(g -> g.getId().getTag("connection"))
                .filteredOn(tag -> tag.startsWith(twin)).hasSize(1);
    }
}
