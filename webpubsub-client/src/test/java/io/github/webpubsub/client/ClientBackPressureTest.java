package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
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
import io.github.webpubsub.client.support.StallingRelay;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * A listener slower than the sender: the client stops reading instead of queueing, and loses nothing. A network
 * slower than the sender: the client stops writing instead of piling requests into its socket, and loses nothing.
 */
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

    @Test
    void sendsMadeWhileTheSocketsWriteQueueIsFullAreHeldAndGoOutOnceItDrainsNoneLostNoneTwice() throws Exception {
        String padding = "x".repeat(100_000);
        List<String> received = new CopyOnWriteArrayList<>();
        WebPubSubClient receiver = clients.started(Clients.options(emulator.get(), "reader"), any -> {
            if (any instanceof WebPubSubEvent.GroupMessage event) {
                String text = event.data().asText();
                received.add(text.substring(0, text.indexOf('|')));
            }
        });
        receiver.joinGroup("slow-network").orTimeout(30, TimeUnit.SECONDS).join();

        try (StallingRelay relay = new StallingRelay(emulator.get().port())) {
            String url = emulator.get().clientAccessUrl(Clients.HUB, "writer", Clients.PUBLISHER, List.of())
                    .replace("ws://localhost:" + emulator.get().port(), "ws://localhost:" + relay.port());
            // A socket send buffer of a fixed size: the client's write queue fills after about a megabyte.
            WebPubSubClient writer = clients.started(WebPubSubClientOptions.of(ClientAccessUrlProvider.fixed(url))
                    .setWebSocketOptions(WebPubSubClientOptions.defaultWebSocketOptions().setSendBufferSize(64 * 1024)),
                    new RecordingListener());
            List<String> sent = new ArrayList<>();
            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            relay.stall();

            // Large sends, one per poll, until the client holds one back: its socket's write queue is full. They are
            // fire-and-forget, so that no ack can set the held ones going: only the socket's drain can.
            SendOptions fireAndForget = SendOptions.defaults().withFireAndForget(true);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                String label = "fill-" + sent.size();
                sent.add(label);
                sends.add(writer.sendToGroup("slow-network", MessageData.text(label + "|" + padding), fireAndForget));
                return writer.statistics().sendsQueued() > 0;
            });
            for (int i = 0; i < 20; i++) {
                String label = "held-" + i;
                sent.add(label);
                sends.add(writer.sendToGroup("slow-network", MessageData.text(label + "|")));
            }
            // Held by the client, not written into the full socket: each waits in its queue, none is in flight.
            await().until(() -> writer.statistics().sendsQueued() >= 20);
            assertThat(writer.statistics().sendsInFlight()).isZero();
            assertThat(writer.state()).isEqualTo(ClientState.CONNECTED);

            relay.release();
            for (CompletableFuture<SendResult> send : sends) {
                assertThat(send.get(30, TimeUnit.SECONDS).duplicated()).isFalse();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= sent.size());
            await().during(Duration.ofMillis(500)).until(() -> received.size() == sent.size());
            assertThat(received).containsExactlyElementsOf(sent);
            assertThat(writer.statistics().sendsQueued()).isZero();
            assertThat(writer.statistics().sendRetries()).isZero();
        }
    }
}
