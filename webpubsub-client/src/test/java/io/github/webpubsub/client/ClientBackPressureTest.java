package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubListener;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/** A listener slower than the sender: the client stops reading instead of queueing, and loses nothing. */
class ClientBackPressureTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    @Test
    void onTheJsonProtocolASlowListenerKeepsTheReceiveQueueBoundedAndGetsEveryMessage() {
        int total = 800;
        int capacity = 50;
        Semaphore gate = new Semaphore(0);
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger highestQueue = new AtomicInteger();
        WebPubSubClient[] receiver = new WebPubSubClient[1];
        WebPubSubListener slow = any -> {
            if (any instanceof WebPubSubEvent.GroupMessage event) {
                highestQueue.accumulateAndGet(receiver[0].pendingDeliveries(), Math::max);
                gate.acquireUninterruptibly();
                received.add(event.data().asText());
            }
        };
        receiver[0] = clients.started(Clients.options(emulator.get(), "slow")
                .setProtocol(WebPubSubProtocol.JSON).setReceiveQueueCapacity(capacity), slow);
        receiver[0].joinGroup("firehose").orTimeout(30, TimeUnit.SECONDS).join();
        WebPubSubClient sender = clients.started(Clients.options(emulator.get(), "fast"), new RecordingListener());

        List<CompletableFuture<SendResult>> sends = IntStream.range(0, total)
                .mapToObj(i -> sender.sendToGroup("firehose", MessageData.text(Integer.toString(i)))).toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        // Everything is published, the listener has taken nothing: the client holds at most its queue.
        await().until(() -> receiver[0].pendingDeliveries() >= capacity);
        await().during(Duration.ofMillis(500)).until(() -> receiver[0].pendingDeliveries() <= capacity);
        String connection = receiver[0].connectionId();

        gate.release(total);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == total);
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(Integer::toString).toList());
        assertThat(highestQueue.get()).isLessThanOrEqualTo(capacity);
        assertThat(receiver[0].connectionId()).isEqualTo(connection);
    }
}
