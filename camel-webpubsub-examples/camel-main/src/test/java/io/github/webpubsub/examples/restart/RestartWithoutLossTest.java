package io.github.webpubsub.examples.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ConnectionState;
import io.github.webpubsub.client.ConnectionStateStore;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.emulator.ConnectionInfo;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * A Camel Main bridge (group {@code numbers} to a JMS queue, acknowledgements after processing, a state file) in a
 * JVM of its own is killed or stopped mid-stream and started again: the queue holds every number, in order of first
 * arrival; after a graceful stop, exactly once.
 */
class RestartWithoutLossTest {

    private static final Logger LOG = LoggerFactory.getLogger(RestartWithoutLossTest.class);

    private static final int TOTAL = 1200;
    /** Slow enough that a restart of a few seconds stays far below the service's 1000 unacknowledged messages. */
    private static final long PUBLISH_INTERVAL_MILLIS = 12;
    private static final Duration RECOVERY_WINDOW = Duration.ofSeconds(30);

    @RegisterExtension
    final WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @TempDir
    Path dir;

    private TcpArtemis broker;
    private WebPubSubClient publisher;
    private final List<BridgeProcess> bridges = new ArrayList<>();

    @BeforeEach
    void startBrokerAndPublisher() throws Exception {
        broker = new TcpArtemis();
        publisher = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), "numbers").userId("publisher")
                .roles(List.of("webpubsub.sendToGroup")).build()));
        publisher.start().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (BridgeProcess bridge : bridges) {
            bridge.close();
        }
        publisher.close();
        broker.close();
    }

    private BridgeProcess bridge(String name, Duration recoveryWindow) throws Exception {
        BridgeProcess bridge = BridgeProcess.start(dir.resolve(name + ".log"), emulator.get().connectionString(),
                broker.url(), dir.resolve("bridge.state"), recoveryWindow);
        bridges.add(bridge);
        return bridge;
    }

    private List<ConnectionInfo> bridgeConnections() {
        return emulator.get().connections("numbers").stream().filter(c -> "bridge".equals(c.userId())).toList();
    }

    private void awaitBridgeInGroup() {
        await().atMost(Duration.ofSeconds(60)).until(() -> bridgeConnections().stream()
                .anyMatch(c -> c.state().equals("CONNECTED") && c.groups().contains("numbers")));
    }

    /** Publishes 1..TOTAL, each acked by the service, at a steady pace, in the background. */
    private CompletableFuture<Void> publishNumbers(AtomicInteger published) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 1; i <= TOTAL; i++) {
                publisher.sendToGroup("numbers", MessageData.text(Integer.toString(i))).orTimeout(30, TimeUnit.SECONDS)
                        .join();
                published.set(i);
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PUBLISH_INTERVAL_MILLIS));
            }
        });
    }

    /** The queue, once it holds every number; prints what the user would want to know. */
    private List<String> queueWithEveryNumber(String scenario) throws Exception {
        List<String> queue = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                queue.addAll(broker.drain("numbers"));
                return new LinkedHashSet<>(queue).size() >= TOTAL;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            for (BridgeProcess bridge : bridges) {
                LOG.error("Bridge output:\n{}", bridge.output());
            }
            List<String> missing = IntStream.rangeClosed(1, TOTAL).mapToObj(Integer::toString)
                    .filter(n -> !queue.contains(n)).toList();
            throw new AssertionError(scenario + ": " + missing.size() + " numbers never reached the queue, from "
                    + missing.get(0) + " to " + missing.get(missing.size() - 1), e);
        }
        // Anything late (a duplicate still on its way) would come within a second more: a bounded look.
        queue.addAll(broker.drain("numbers"));
        List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(queue));
        LOG.info("{}: {} numbers, {} messages in the queue, {} duplicated", scenario, TOTAL, queue.size(),
                queue.size() - firstArrivals.size());
        assertThat(firstArrivals).as("every number, in order of first arrival")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, TOTAL).mapToObj(Integer::toString).toList());
        return queue;
    }

    @Test
    void aBridgeKilledMidStreamAndStartedAgainLosesNothing() throws Exception {
        BridgeProcess first = bridge("first", RECOVERY_WINDOW);
        awaitBridgeInGroup();
        String connection = bridgeConnections().get(0).connectionId();
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> publishing = publishNumbers(published);
        await().atMost(Duration.ofSeconds(60)).until(() -> published.get() >= TOTAL / 3);

        first.kill();
        BridgeProcess second = bridge("second", RECOVERY_WINDOW);
        publishing.get(120, TimeUnit.SECONDS);

        queueWithEveryNumber("SIGKILL and restart");
        assertThat(bridgeConnections()).singleElement().satisfies(c -> assertThat(c.connectionId()).isEqualTo(connection));
        assertThat(second.output()).contains("Taking back connection " + connection);
    }

    @Test
    void aBridgeStoppedGracefullyAndStartedAgainBridgesEveryNumberExactlyOnce() throws Exception {
        BridgeProcess first = bridge("first", RECOVERY_WINDOW);
        awaitBridgeInGroup();
        String connection = bridgeConnections().get(0).connectionId();
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> publishing = publishNumbers(published);
        await().atMost(Duration.ofSeconds(60)).until(() -> published.get() >= TOTAL / 3);

        first.stop();
        assertThat(first.output()).contains("Leaving connection " + connection);
        BridgeProcess second = bridge("second", RECOVERY_WINDOW);
        publishing.get(120, TimeUnit.SECONDS);

        List<String> queue = queueWithEveryNumber("graceful stop and restart");
        assertThat(queue).as("exactly once").hasSize(TOTAL);
        assertThat(second.output()).contains("Taking back connection " + connection);
    }

    @Test
    void aBridgeStartedAfterTheRecoveryWindowOpensANewConnectionAndSaysSoOnce() throws Exception {
        BridgeProcess first = bridge("first", RECOVERY_WINDOW);
        awaitBridgeInGroup();
        String connection = bridgeConnections().get(0).connectionId();
        first.stop();
        // As if the bridge had been down for a minute: the state's own date says when it was written.
        ConnectionStateStore store = ConnectionStateStore.file(dir.resolve("bridge.state"));
        ConnectionState left = store.load().orElseThrow();
        store.save(new ConnectionState(left.connectionId(), left.userId(), left.reconnectionToken(),
                left.ackedSequenceId(), Instant.now().minus(Duration.ofMinutes(1))));

        BridgeProcess second = bridge("second", RECOVERY_WINDOW);
        await().atMost(Duration.ofSeconds(60)).until(() -> bridgeConnections().stream()
                .anyMatch(c -> !c.connectionId().equals(connection) && c.groups().contains("numbers")));

        String output = second.output();
        assertThat(output.lines().filter(line -> line.contains("past the recovery window"))).singleElement()
                .satisfies(line -> assertThat(line).contains("INFO").contains(connection));
        assertThat(output).doesNotContain("ERROR").doesNotContain("WARN");
    }

    @Test
    void twoBridgesOnTheSameStateAreNeverBothConnectedAsOneConnection() throws Exception {
        BridgeProcess first = bridge("first", RECOVERY_WINDOW);
        awaitBridgeInGroup();
        String connection = bridgeConnections().get(0).connectionId();

        BridgeProcess second = bridge("second", RECOVERY_WINDOW);
        await().atMost(Duration.ofSeconds(60)).until(() -> second.output().contains("waiting for it"));
        // For a bounded while: one bridge connection, the first one's, and the second never connected.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> bridgeConnections().size() == 1
                && bridgeConnections().get(0).connectionId().equals(connection));

        first.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> second.output().contains("Taking back connection " + connection));
        awaitBridgeInGroup();
        assertThat(bridgeConnections()).singleElement().satisfies(c -> assertThat(c.connectionId()).isEqualTo(connection));
    }
}
