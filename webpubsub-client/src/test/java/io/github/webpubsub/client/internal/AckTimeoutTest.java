package io.github.webpubsub.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.internal.fake.FakeTransport;

/**
 * Ack timeouts, frame by frame: one sweep serves every request awaiting its ack (no timer per send), and a request
 * that gets no ack is written again under the same ackId, then failed, each within its timeout plus the sweep's
 * period (a tenth of the timeout).
 */
class AckTimeoutTest {

    @Test
    void aRequestWithoutAnAckIsWrittenAgainUnderItsAckIdThenFailed() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setAckTimeout(Duration.ofMillis(300))
                .setMaxRetries(1).setRetryDelay(Duration.ofMillis(10)).setMaxRetryDelay(Duration.ofMillis(10)))) {
            FakeTransport socket = engine.connect();
            long start = System.nanoTime();
            CompletableFuture<SendResult> send = engine.client.sendToGroup("g", MessageData.text("x"));

            await().atMost(Duration.ofSeconds(5)).until(() -> socket.written("sendToGroup").size() == 2);
            long retriedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(socket.written("sendToGroup")).allSatisfy(frame -> assertThat(frame).contains("\"ackId\":1"));
            assertThat(retriedAfter).as("retried after its timeout, not before").isGreaterThanOrEqualTo(300);

            assertThatThrownBy(() -> send.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SendFailedException.class,
                            e -> assertThat(e.errorName()).isEqualTo(SendFailedException.ACK_TIMEOUT));
            assertThat(socket.written("sendToGroup")).hasSize(2);
        }
    }

    @Test
    void everyRequestWithoutAnAckGoesAgainOnceAndALateAckStillSettlesOne() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setAckTimeout(Duration.ofMillis(300))
                .setMaxRetries(1).setRetryDelay(Duration.ofMillis(10)).setMaxRetryDelay(Duration.ofMillis(10)))) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> first = engine.client.sendToGroup("g", MessageData.text("1"));
            CompletableFuture<SendResult> second = engine.client.sendToGroup("g", MessageData.text("2"));
            CompletableFuture<SendResult> third = engine.client.sendToGroup("g", MessageData.text("3"));
            await().atMost(Duration.ofSeconds(5)).until(() -> socket.written("sendToGroup").size() == 6);
            // Each went again once, under its own ackId (the retry delay's jitter may reorder the retries).
            assertThat(socket.written("sendToGroup").subList(3, 6).stream()
                    .map(frame -> frame.replaceAll(".*\"ackId\":(\\d+).*", "$1")).toList())
                    .containsExactlyInAnyOrder("1", "2", "3");

            socket.receive("{\"type\":\"ack\",\"ackId\":2,\"success\":true}");

            assertThat(second.get(5, TimeUnit.SECONDS).ackId()).isEqualTo(2L);
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SendFailedException.class);
            assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(SendFailedException.class);
        }
    }
}
