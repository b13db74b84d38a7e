package io.github.webpubsub.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.internal.fake.FakeTransport;

/** Messages are acknowledged only once the listeners have returned, checked on the sequenceAck frames. */
class InboxAcknowledgementTest {

    @Test
    void aMessageIsAcknowledgedOnlyAfterItsListenerReturned() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch inListener = new CountDownLatch(1);
            engine.client.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage message && message.sequenceId() == 2) {
                    inListener.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            FakeTransport socket = engine.connect();

            socket.groupMessage("g", "one", 1).groupMessage("g", "two", 2);
            assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(2)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":1}"));
            // Ten ack intervals pass while the listener holds message 2: it must not be acknowledged.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                    .until(() -> socket.written("sequenceAck").stream().noneMatch(f -> f.contains("\"sequenceId\":2")));

            release.countDown();
            await().atMost(Duration.ofSeconds(2)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":2}"));
        }
    }
    @Test
    void onReceiptMessagesInTheBufferAreAcknowledgedBeforeTheListenerTakesThemAndTheRestOnceHandled()
            throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setAckMode(io.github.webpubsub.client.AckMode.ON_RECEIPT)
                .setReceiveBufferMessages(150).setSequenceAckInterval(Duration.ofMillis(200)))) {
            CountDownLatch release = new CountDownLatch(1);
            engine.client.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            FakeTransport socket = engine.connect();

            for (int i = 1; i <= 400; i++) {
                socket.groupMessage("g", "m" + i, i);
            }
            // Nothing is handled; the buffer of 150 covers the first 150, acknowledged in a batch of 100 or more.
            await().atMost(Duration.ofSeconds(2)).until(() -> !socket.written("sequenceAck").isEmpty());
            await().during(Duration.ofMillis(300)).until(() -> socket.written("sequenceAck").stream()
                    .allMatch(f -> Long.parseLong(f.replaceAll("\\D", "")) <= 150));
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":400}"));
        }
    }
    @Test
    void anAsynchronousListenerMayFinishOutOfOrderButAcksNeverSkipAnUnfinishedMessage() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            java.util.Map<Long, java.util.concurrent.CompletableFuture<Void>> inProgress =
                    new java.util.concurrent.ConcurrentHashMap<>();
            engine.client.addListener(new io.github.webpubsub.client.WebPubSubListener() {
                @Override
                public void onEvent(WebPubSubEvent event) {
                }

                @Override
                public java.util.concurrent.CompletionStage<Void> onEventAsync(WebPubSubEvent event) {
                    if (event instanceof WebPubSubEvent.GroupMessage message) {
                        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
                        inProgress.put(message.sequenceId(), done);
                        return done;
                    }
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }
            });
            FakeTransport socket = engine.connect();

            socket.groupMessage("g", "one", 1).groupMessage("g", "two", 2).groupMessage("g", "three", 3);
            // All three are handed out at once: the listener does not hold up the next.
            await().atMost(Duration.ofSeconds(2)).until(() -> inProgress.size() == 3);
            inProgress.get(2L).complete(null);
            inProgress.get(3L).complete(null);
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1))
                    .until(() -> socket.written("sequenceAck").isEmpty());

            inProgress.get(1L).complete(null);
            await().atMost(Duration.ofSeconds(2)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":3}"));
            assertThat(socket.written("sequenceAck")).containsExactly("{\"type\":\"sequenceAck\",\"sequenceId\":3}");
        }
    }

    @Test
    void whileTheServiceHoldsABatchOrMoreWhatTheListenersFinishedIsAcknowledgedWithoutWaitingForAFullBatch()
            throws Exception {
        // The timer is out of the picture: only the batch rules can send an ack within the test.
        try (EngineHarness engine = new EngineHarness(options -> options.setSequenceAckInterval(Duration.ofMinutes(5)))) {
            CountDownLatch release = new CountDownLatch(1);
            engine.client.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage message && message.sequenceId() > 20) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            FakeTransport socket = engine.connect();

            // 150 received, 20 handled, the listener stuck on the 21st: 150 are at the service, so the 20 finished
            // are given back at once rather than after 100 handled.
            for (int i = 1; i <= 150; i++) {
                socket.groupMessage("g", "m" + i, i);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":20}"));
            assertThat(socket.written("sequenceAck")).allMatch(f -> Long.parseLong(f.replaceAll("\\D", "")) <= 20);
            release.countDown();
        }
    }

    @Test
    void belowABatchAtTheServiceFinishedMessagesWaitForTheBatchOrTheTimer() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setSequenceAckInterval(Duration.ofMinutes(5)))) {
            AtomicInteger handled = new AtomicInteger();
            engine.client.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage) {
                    handled.incrementAndGet();
                }
            });
            FakeTransport socket = engine.connect();

            for (int i = 1; i <= 99; i++) {
                socket.groupMessage("g", "m" + i, i);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> handled.get() == 99);
            // 99 held: not a batch, so no ack frame per handful of messages.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> socket.written("sequenceAck").isEmpty());
            socket.groupMessage("g", "m100", 100);
            await().atMost(Duration.ofSeconds(2)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":100}"));
        }
    }
}
