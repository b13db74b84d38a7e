package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.support.CapturedLog;
import io.github.webpubsub.emulator.Faults;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * Consumer and producer health: DOWN with the reason while the connection is down or stopped, UP again once it is
 * back; and the connection's own warning in the log as a route falls towards the service's SlowClient limit.
 */
class WebPubSubHealthCheckTest extends WebPubSubTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:health?userId=healthy").routeId("health").to("mock:health");
                from("direct:health").routeId("health-producer").to("webpubsub:health?userId=healthy");
                from("webpubsub:stuck?userId=stuck").routeId("stuck").process(exchange -> gate.acquireUninterruptibly());
            }
        };
    }

    private final Semaphore gate = new Semaphore(0);

    @AfterEach
    void openTheGate() {
        gate.release(100_000);
        emulator.get().faults().clear();
    }

    /** Calls the check as Camel's health endpoints do, through the context's health check registry. */
    private Optional<HealthCheck.Result> result(String idPrefix) {
        return HealthCheckRegistry.get(context).stream().filter(check -> check.getId().startsWith(idPrefix))
                .findFirst().map(HealthCheck::call);
    }

    @Test
    void healthGoesDownOnADropAndUpAfterRecovery() {
        // Producer checks are off in Camel until enabled, as camel.health.producersEnabled=true would.
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class).setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class).setEnabled(true);
        template.sendBody("direct:health", "start the producer");
        await().until(() -> result("consumer:health").map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
        await().until(() -> result("producer:webpubsub").map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
        String connection = connectionsOf("healthy").get(0).connectionId();

        emulator.get().faults().refuseUpgrades(503, Faults.UNTIL_CLEARED);
        emulator.get().faults().drop(HUB, connection);

        await().until(() -> result("consumer:health").map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
        HealthCheck.Result down = result("consumer:health").orElseThrow();
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("RECOVERING"));
        assertThat(result("producer:webpubsub").orElseThrow().getState()).isEqualTo(HealthCheck.State.DOWN);

        emulator.get().faults().clear();
        await().until(() -> result("consumer:health").map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
        assertThat(result("consumer:health").orElseThrow().getDetails()).containsEntry("connectionId", connection)
                .containsEntry("receiveLagLimit", 1000).containsKey("receiveLag");
        assertThat(result("producer:webpubsub").orElseThrow().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aRouteThatFallsTooFarBehindShowsTheServicesSlowClientCloseInItsHealthAtOnce() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class).setEnabled(true);
        await().until(() -> result("consumer:stuck").map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
        await().until(() -> connectionsOf("stuck").stream().anyMatch(c -> c.groups().contains("stuck")));
        WebPubSubClient publisher = flooder();
        try {
            // The new connection after the close is refused, so the check stays DOWN long enough to read.
            floodTheStuckRoute(publisher);

            await().atMost(Duration.ofSeconds(5)).until(() -> result("consumer:stuck")
                    .map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
            HealthCheck.Result down = result("consumer:stuck").orElseThrow();
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("SlowClient"));
            assertThat(down.getDetails().get("lastProblem")).asString().contains("SlowClient").contains("1008");
        } finally {
            publisher.close();
        }
    }

    @Test
    void aStuckRouteMakesTheConnectionWarnOnceInTheLogWithoutAnyoneCallingTheHealthCheck() throws Exception {
        await().until(() -> connectionsOf("stuck").stream().anyMatch(c -> c.groups().contains("stuck")));
        String connection = connectionsOf("stuck").get(0).connectionId();
        WebPubSubClient publisher = flooder();
        try (CapturedLog log = new CapturedLog()) {
            floodTheStuckRoute(publisher);

            // The route holds the first message; the lag passes 800 and the service closes the connection at 1000,
            // which brings the lag of the next connection back to 0. Nothing here calls the health check.
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.get().connection(HUB, connection).isEmpty()
                    && log.linesWith("the receive lag is back to 0").size() == 1);
            List<String> warnings = log.linesWith("received messages are not acknowledged yet");
            // Once for the crossing, not once for each of the ~200 messages between 800 and 1000.
            assertThat(warnings).singleElement().satisfies(line -> assertThat(line).contains("WARN")
                    .contains("Connection " + connection + ":").contains("of the 1000").contains("SlowClient"));
            assertThat(Long.parseLong(warnings.get(0).replaceAll(".*" + connection + ": (\\d+) received.*", "$1")))
                    .isBetween(800L, 1000L);
        } finally {
            publisher.close();
        }
    }

    @Test
    void aConnectionStoppedByARejectedCredentialIsDownWithTheReason() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class).setEnabled(true);
        WebPubSubEmulator e = emulator.get();
        String wrongKey = e.connectionString().replace(e.accessKey(), WebPubSubEmulator.randomAccessKey());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:locked?connectionString=RAW(" + wrongKey + ")&userId=locked").routeId("locked")
                        .to("mock:locked");
            }
        });

        // The emulator answers the handshake with 401, and the connection stops instead of trying again.
        await().atMost(Duration.ofSeconds(10)).until(() -> result("consumer:locked")
                .map(r -> "STOPPED".equals(r.getDetails().get("state"))).orElse(false));
        HealthCheck.Result down = result("consumer:locked").orElseThrow();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("STOPPED")
                .contains("rejected the credential (HTTP 401)").doesNotContain(e.accessKey())
                .doesNotContain(wrongKey.substring(wrongKey.indexOf("AccessKey="))));
        assertThat(down.getDetails()).containsEntry("receiveLag", 0L).containsEntry("receiveLagLimit", 1000)
                .doesNotContainKey("connectionId");
    }

    private WebPubSubClient flooder() {
        return WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), HUB).userId("flood")
                .roles(List.of("webpubsub.sendToGroup")).build()));
    }

    /**
     * Publishes 1,500 messages to the stuck route's group, past the service's limit of 1000 for its connection; the
     * new connection after the SlowClient close is refused, so what follows that close stays visible.
     */
    private void floodTheStuckRoute(WebPubSubClient publisher) throws Exception {
        publisher.start().get(10, TimeUnit.SECONDS);
        emulator.get().faults().refuseUpgrades(503, Faults.UNTIL_CLEARED);
        Semaphore inFlight = new Semaphore(100);
        for (int i = 0; i < 1_500; i++) {
            assertThat(inFlight.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            publisher.sendToGroup("stuck", MessageData.text("m" + i)).whenComplete((ok, e) -> inFlight.release());
        }
    }
}
