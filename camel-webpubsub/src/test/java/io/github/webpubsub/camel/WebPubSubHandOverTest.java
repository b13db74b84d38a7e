package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ConnectionState;
import io.github.webpubsub.client.ConnectionStateStore;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.emulator.ConnectionInfo;

/**
 * With a connection state, stopping the last consumer of the connection while the CamelContext runs (what a clustered
 * route policy does on a leadership loss) hands the connection over, group included: the next start takes it back and
 * gets exactly what was published meanwhile. Producers with the same options never use the state.
 */
class WebPubSubHandOverTest extends WebPubSubTestSupport {

    /** A state of each test's own, made before the routes that name it. */
    private final Path state = newStateFile();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private WebPubSubClient publisher;

    private static Path newStateFile() {
        try {
            return Files.createTempDirectory("handover").resolve("consumer.state");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closePublisher() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String options = "userId=handover&stateFile=" + state + "&sequenceAckInterval=100ms";
                from("webpubsub:numbers?" + options).routeId("numbers")
                        .process(exchange -> received.add(exchange.getMessage().getBody(String.class)));
                // The same options, the state file included, on a producer.
                from("direct:send").to("webpubsub:replies?" + options);
            }
        };
    }

    private List<ConnectionInfo> connections() {
        return emulator.get().connections(HUB).stream().filter(c -> "handover".equals(c.userId())).toList();
    }

    /** The consumer's connection once it is in its group (an earlier test's handed-over one may linger, detached). */
    private String awaitConsumerConnection() {
        await().until(() -> connections().stream().anyMatch(c -> c.groups().contains("numbers")
                && "CONNECTED".equals(c.state())));
        return connections().stream().filter(c -> c.groups().contains("numbers") && "CONNECTED".equals(c.state()))
                .findFirst().orElseThrow().connectionId();
    }

    private ConnectionInfo connection(String id) {
        return connections().stream().filter(c -> c.connectionId().equals(id)).findFirst().orElseThrow();
    }

    private void publish(int from, int to) {
        if (publisher == null) {
            publisher = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                    .builder(emulator.get().connectionString(), HUB).userId("publisher")
                    .roles(List.of("webpubsub.sendToGroup")).build()));
            publisher.start().orTimeout(30, TimeUnit.SECONDS).join();
        }
        CompletableFuture.allOf(IntStream.rangeClosed(from, to)
                .mapToObj(i -> publisher.sendToGroup("numbers", MessageData.text(Integer.toString(i))))
                .toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void stoppingTheLastConsumerHandsTheConnectionOverAndTheNextStartGetsWhatWasPublishedMeanwhile() throws Exception {
        String connection = awaitConsumerConnection();
        publish(1, 20);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 20);

        context.getRouteController().stopRoute("numbers");
        // Left, not ended: detached, still in its group, and named by the state for the next start.
        await().atMost(Duration.ofSeconds(20)).until(() -> "DETACHED".equals(connection(connection).state()));
        assertThat(connection(connection).groups()).contains("numbers");
        assertThat(ConnectionStateStore.file(state).load()).map(ConnectionState::connectionId).contains(connection);

        publish(21, 40);
        context.getRouteController().startRoute("numbers");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 40);
        assertThat(received).as("every number exactly once, in order").containsExactlyElementsOf(numbers(1, 40));
        assertThat(connection(connection).state()).as("taken back").isEqualTo("CONNECTED");
    }

    @Test
    void suspendingTheLastConsumerHandsTheConnectionOverAndResumingTakesItBack() throws Exception {
        String connection = awaitConsumerConnection();
        publish(1, 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 10);

        context.getRouteController().suspendRoute("numbers");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DETACHED".equals(connection(connection).state()));
        publish(11, 20);
        context.getRouteController().resumeRoute("numbers");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 20);
        assertThat(received).as("every number exactly once, in order").containsExactlyElementsOf(numbers(1, 20));
        assertThat(connection(connection).state()).as("taken back").isEqualTo("CONNECTED");
    }

    @Test
    void aProducerWithTheSameOptionsSendsOnAConnectionOfItsOwnWhileTheConsumerIsStopped() throws Exception {
        String consumer = awaitConsumerConnection();
        context.getRouteController().stopRoute("numbers");

        template.sendBodyAndHeader("direct:send", "still sending", WebPubSubConstants.GROUP, "replies");

        List<ConnectionInfo> connected = connections().stream().filter(c -> "CONNECTED".equals(c.state())).toList();
        assertThat(connected).as("the producer's own, only").singleElement()
                .satisfies(c -> assertThat(c.connectionId()).isNotEqualTo(consumer));
        assertThat(connection(consumer).state()).isEqualTo("DETACHED");
        assertThat(ConnectionStateStore.file(state).load()).map(ConnectionState::connectionId).contains(consumer);
    }
}
