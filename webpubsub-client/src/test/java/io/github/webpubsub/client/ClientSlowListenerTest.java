package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.support.CapturedLog;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * A listener far slower than its publishers, on a reliable connection, in both acknowledgement modes: on receipt
 * the buffer absorbs the burst and nothing is lost; after processing the service's 1000-message limit closes the
 * connection, and the client says so at once, with the service's reason.
 */
class ClientSlowListenerTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    private static final int BURST = 3_000;

    /** A receiver whose listener holds every message until the gate opens. */
    private WebPubSubClient gatedReceiver(AckMode mode, Semaphore gate, List<String> received, RecordingListener events)
            throws Exception {
        WebPubSubClient receiver = clients.started(Clients.options(emulator.get(), "gated-" + mode).setAckMode(mode)
                .setSequenceAckInterval(Duration.ofMillis(100)), event -> {
                    events.onEvent(event);
                    if (event instanceof WebPubSubEvent.GroupMessage message) {
                        gate.acquireUninterruptibly();
                        received.add(message.data().asText());
                    }
                });
        receiver.joinGroup("burst").get(10, TimeUnit.SECONDS);
        return receiver;
    }

    /**
     * Publishes as fast as a publisher with 100 acked sends in flight can: thousands of messages a second, the way
     * real publishers arrive at the service, rather than all at once in one read.
     */
    private void publishBurst() throws Exception {
        WebPubSubClient publisher = clients.started(Clients.options(emulator.get(), "publisher"), new RecordingListener());
        Semaphore inFlight = new Semaphore(100);
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            assertThat(inFlight.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<SendResult> send = publisher.sendToGroup("burst", MessageData.text(Integer.toString(i)));
            send.whenComplete((ok, error) -> inFlight.release());
            sends.add(send);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void onReceiptTheBufferAbsorbsABurstThreeTimesTheServicesLimitAndNothingIsLost() throws Exception {
        Semaphore gate = new Semaphore(0);
        List<String> received = new CopyOnWriteArrayList<>();
        RecordingListener events = new RecordingListener();
        WebPubSubClient receiver = gatedReceiver(AckMode.ON_RECEIPT, gate, received, events);
        String connection = receiver.connectionId();

        publishBurst();
        // The listener has taken nothing, yet the service holds (almost) nothing unacknowledged.
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.get().connection(Clients.HUB, connection)
                .map(c -> c.unacked() < 200).orElse(false));

        gate.release(BURST);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == BURST);
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, BURST).mapToObj(Integer::toString).toList());
        assertThat(receiver.connectionId()).isEqualTo(connection);
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
    }

    @Test
    void aListenerStuckWhileTheLagPassesEightyPercentOfTheLimitIsWarnedOnceAndTheRecoveryOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (CapturedLog log = new CapturedLog()) {
            WebPubSubClient receiver = clients.started(Clients.options(emulator.get(), "lagging")
                    .setSequenceAckInterval(Duration.ofMillis(100)), event -> {
                        if (event instanceof WebPubSubEvent.GroupMessage) {
                            try {
                                gate.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            receiver.joinGroup("lagging").get(10, TimeUnit.SECONDS);
            String connection = receiver.connectionId();
            WebPubSubClient publisher = clients.started(Clients.options(emulator.get(), "publisher"),
                    new RecordingListener());
            for (int i = 0; i < 900; i++) {
                publisher.sendToGroup("lagging", MessageData.text("m" + i)).get(10, TimeUnit.SECONDS);
            }

            // The listener holds the first message: nobody asks, and still the warning comes, once.
            await().atMost(Duration.ofSeconds(5)).until(() -> !log.linesWith("are not acknowledged yet").isEmpty());
            gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.linesWith("the receive lag is back to").isEmpty());
            assertThat(log.linesWith("are not acknowledged yet")).singleElement().satisfies(line -> assertThat(line)
                    .contains("WARN").contains("Connection " + connection + ": 800 received messages")
                    .contains("of the 1000"));
            assertThat(log.linesWith("the receive lag is back to")).singleElement()
                    .satisfies(line -> assertThat(line).contains("Connection " + connection));
        }
    }

    @Test
    void afterProcessingTheServicesSlowClientCloseIsReportedAtOnceWithItsReason() throws Exception {
        Semaphore gate = new Semaphore(0);
        List<String> received = new CopyOnWriteArrayList<>();
        RecordingListener events = new RecordingListener();
        WebPubSubClient receiver = gatedReceiver(AckMode.AFTER_PROCESSING, gate, received, events);
        String connection = receiver.connectionId();

        publishBurst();
        long published = System.nanoTime();
        // The listener is stuck on the first message, yet the close is seen: the socket was never paused. The client
        // knows at once (its state and last problem, which the health check reads); the listeners hear of it in
        // order, after the messages that arrived before it.
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.lastProblem() != null
                && receiver.lastProblem().contains("SlowClient"));
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(5));
        assertThat(receiver.lastProblem()).contains("close code 1008");
        assertThat(receiver.connectionId()).isNotEqualTo(connection);

        gate.release(BURST);
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(WebPubSubEvent.Disconnected.class).isEmpty());
        // The new connection rejoins the group, the listener is still held up, and it may go the same way.
        assertThat(events.of(WebPubSubEvent.Disconnected.class).get(0)).satisfies(d -> {
            assertThat(d.connectionId()).isEqualTo(connection);
            assertThat(d.closeCode()).isEqualTo(1008);
            assertThat(d.reason()).contains("SlowClient");
        });
        // What the service held past its limit is gone with the connection; nothing arrives twice.
        assertThat(received).doesNotHaveDuplicates().hasSizeLessThan(BURST);
    }

    @Test
    void aListenerThatStaysBehindDoesNotMakeTheClientHoldAnotherConnectionsWorthAfterEachSlowClientClose()
            throws Exception {
        Semaphore gate = new Semaphore(0);
        List<String> received = new CopyOnWriteArrayList<>();
        RecordingListener events = new RecordingListener();
        WebPubSubClient receiver = gatedReceiver(AckMode.AFTER_PROCESSING, gate, received, events);
        WebPubSubClient publisher = clients.started(Clients.options(emulator.get(), "steady"), new RecordingListener());
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Semaphore inFlight = new Semaphore(100);
        Thread steady = new Thread(() -> {
            int i = 0;
            while (publishing.get()) {
                if (inFlight.tryAcquire()) {
                    publisher.sendToGroup("burst", MessageData.text(Integer.toString(i++)))
                            .whenComplete((ok, error) -> inFlight.release());
                } else {
                    Thread.onSpinWait();
                }
            }
        });
        steady.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.lastProblem() != null
                    && receiver.lastProblem().contains("SlowClient"));

            // Publishers go on; the listener is stuck. A new connection now would get up to 1000 more messages each
            // time the service closes it, for ever: the client waits instead, for a bounded while that can fail.
            long limit = WebPubSubClientOptions.SERVICE_UNACKED_LIMIT;
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                    receiver.statistics().messagesReceived() <= limit
                            && receiver.statistics().state() == ClientState.RECONNECTING);

            gate.release(Integer.MAX_VALUE / 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.statistics().state() == ClientState.CONNECTED
                    && receiver.statistics().messagesReceived() > limit);
            assertThat(received).doesNotHaveDuplicates();
        } finally {
            publishing.set(false);
            steady.join(10_000);
        }
    }
}
