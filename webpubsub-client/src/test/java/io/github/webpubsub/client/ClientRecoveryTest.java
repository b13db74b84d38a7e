package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/** Drops, refusals and silence from the emulator's fault injection: nothing lost, nothing twice, nothing reordered. */
class ClientRecoveryTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    private WebPubSubClient started(WebPubSubClientOptions options, WebPubSubListener listener) {
        return clients.started(options, listener);
    }

    @Test
    void aSendCutBeforeItsAckIsRetriedWithTheSameAckIdAndDeliveredOnce() {
        RecordingListener receiverEvents = new RecordingListener();
        WebPubSubClient receiver = started(Clients.options(emulator.get(), "receiver"), receiverEvents);
        receiver.joinGroup("orders").orTimeout(30, TimeUnit.SECONDS).join();
        RecordingListener senderEvents = new RecordingListener();
        WebPubSubClient sender = started(Clients.options(emulator.get(), "sender"), senderEvents);
        String senderConnection = sender.connectionId();

        emulator.get().faults().withholdAcks(1);
        CompletableFuture<SendResult> send = sender.sendToGroup("orders", MessageData.text("order-1"));
        // The service has published it; only the ack is missing when the connection is cut.
        await().until(() -> receiverEvents.groupTexts().contains("order-1"));
        assertThat(send).isNotDone();
        emulator.get().faults().drop(Clients.HUB, senderConnection);

        SendResult result = send.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(result.duplicated()).isTrue();
        assertThat(sender.connectionId()).isEqualTo(senderConnection);
        sender.sendToGroup("orders", MessageData.text("order-2")).orTimeout(30, TimeUnit.SECONDS).join();
        await().until(() -> receiverEvents.groupTexts().contains("order-2"));
        assertThat(receiverEvents.groupTexts()).containsExactly("order-1", "order-2");
        assertThat(senderEvents.of(WebPubSubEvent.Disconnected.class)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = WebPubSubProtocol.class, names = {"JSON_RELIABLE", "PROTOBUF_RELIABLE"})
    void tenThousandMessagesThroughRepeatedDropsArriveOnceAndInOrder(WebPubSubProtocol protocol) {
        int total = 10_000;
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger receiverDrops = new AtomicInteger();
        WebPubSubClient[] receiver = new WebPubSubClient[1];
        WebPubSubListener collector = any -> {
            if (any instanceof WebPubSubEvent.GroupMessage event) {
                received.add(event.data().asText());
                if (received.size() % 300 == 0 && receiver[0] != null) {
                    emulator.get().faults().drop(Clients.HUB, receiver[0].connectionId());
                    receiverDrops.incrementAndGet();
                }
            }
        };
        receiver[0] = started(Clients.options(emulator.get(), "receiver").setProtocol(protocol), collector);
        receiver[0].joinGroup("stream").orTimeout(30, TimeUnit.SECONDS).join();
        RecordingListener senderEvents = new RecordingListener();
        WebPubSubClient sender = started(Clients.options(emulator.get(), "sender").setProtocol(protocol), senderEvents);

        int batch = 250;
        int senderDrops = 0;
        for (int start = 0; start < total; start += batch) {
            List<CompletableFuture<SendResult>> sends = new ArrayList<>();
            for (int i = start; i < start + batch; i++) {
                sends.add(sender.sendToGroup("stream", MessageData.text(Integer.toString(i))));
            }
            if (start % 750 == 500) {
                // Cut the sender while its batch is in flight: the unacked part goes again with the same ackIds.
                emulator.get().faults().drop(Clients.HUB, sender.connectionId());
                senderDrops++;
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
            // Keep the receiver within the service's 1000-message buffer, as any app must.
            int sent = start + batch;
            await().pollInterval(Duration.ofMillis(10)).until(() -> received.size() >= sent - 500);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= total);
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(Integer::toString).toList());
        assertThat(receiverDrops.get()).isGreaterThanOrEqualTo(30);
        assertThat(senderDrops).isGreaterThanOrEqualTo(10);
        assertThat(emulator.get().connections(Clients.HUB)).filteredOn(c -> c.userId().equals("sender")
                || c.userId().equals("receiver")).hasSize(2);
        assertThat(senderEvents.of(WebPubSubEvent.Disconnected.class)).isEmpty();
    }

    @Test
    void aPolicyViolationCloseStartsANewConnectionThatRejoinsItsGroups() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = started(Clients.options(emulator.get(), "alice"), events);
        client.joinGroup("lobby").orTimeout(30, TimeUnit.SECONDS).join();
        client.joinGroup("news").orTimeout(30, TimeUnit.SECONDS).join();
        String first = client.connectionId();

        emulator.get().faults().close(Clients.HUB, first, 1008, "policy");

        await().until(() -> events.of(WebPubSubEvent.Connected.class).size() == 2);
        assertThat(client.connectionId()).isNotEqualTo(first);
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).singleElement().satisfies(d -> {
            assertThat(d.connectionId()).isEqualTo(first);
            assertThat(d.closeCode()).isEqualTo(1008);
        });
        assertThat(emulator.get().connection(Clients.HUB, client.connectionId()).orElseThrow().groups())
                .containsExactlyInAnyOrder("lobby", "news");
        WebPubSubClient other = started(Clients.options(emulator.get(), "bob"), new RecordingListener());
        other.sendToGroup("news", MessageData.text("still here")).orTimeout(30, TimeUnit.SECONDS).join();
        await().until(() -> events.groupTexts().contains("still here"));
        assertThat(events.of(WebPubSubEvent.RejoinGroupFailed.class)).isEmpty();
    }

    @Test
    void aRefusedRejoinRaisesRejoinGroupFailed() {
        AtomicInteger urls = new AtomicInteger();
        // The first connection may join groups; by the second one the user has lost that permission.
        ClientAccessUrlProvider revokedLater = () -> {
            List<String> roles = urls.incrementAndGet() == 1 ? Clients.PUBLISHER : List.of();
            CompletionStage<String> url = CompletableFuture.completedFuture(
                    emulator.get().clientAccessUrl(Clients.HUB, "carol", roles, List.of()));
            return url;
        };
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = started(Clients.options(emulator.get(), "carol").setCredential(revokedLater), events);
        client.joinGroup("vip").orTimeout(30, TimeUnit.SECONDS).join();

        emulator.get().faults().close(Clients.HUB, client.connectionId(), 1008, "policy");

        await().until(() -> events.of(WebPubSubEvent.Connected.class).size() == 2);
        String second = events.of(WebPubSubEvent.Connected.class).get(1).connectionId();
        assertThat(events.of(WebPubSubEvent.RejoinGroupFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.connectionId()).isEqualTo(second);
            assertThat(failed.userId()).isEqualTo("carol");
            assertThat(failed.group()).isEqualTo("vip");
            assertThat(failed.cause()).isInstanceOfSatisfying(SendFailedException.class,
                    e -> assertThat(e.errorName()).isEqualTo("Forbidden"));
        });
        // The rejoin result comes before the connected event, as in Microsoft's clients.
        List<WebPubSubEvent> all = events.all();
        assertThat(all.indexOf(events.of(WebPubSubEvent.RejoinGroupFailed.class).get(0)))
                .isLessThan(all.indexOf(events.of(WebPubSubEvent.Connected.class).get(1)));
        assertThat(urls.get()).isEqualTo(2);
    }

    @Test
    void aSilentServerIsDetectedWithinTheIdleTimeoutAndTheConnectionRecovered() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = started(Clients.options(emulator.get(), "dave")
                .setPingInterval(Duration.ofMillis(200)).setIdleTimeout(Duration.ofSeconds(1)), events);
        client.joinGroup("pulse").orTimeout(30, TimeUnit.SECONDS).join();
        String connection = client.connectionId();
        WebPubSubClient other = started(Clients.options(emulator.get(), "erin"), new RecordingListener());

        emulator.get().faults().silence(Clients.HUB, connection);
        other.sendToGroup("pulse", MessageData.text("during silence")).orTimeout(30, TimeUnit.SECONDS).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> events.groupTexts().contains("during silence"));
        assertThat(client.connectionId()).isEqualTo(connection);
        assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
        assertThat(events.groupTexts()).containsExactly("during silence");
    }

    @Test
    void aDropWithRecoveryRefusedEndsTheConnectionAndReconnects() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = started(Clients.options(emulator.get(), "frank"), events);
        client.joinGroup("g").orTimeout(30, TimeUnit.SECONDS).join();
        String first = client.connectionId();

        emulator.get().faults().refuseRecoveries(1);
        emulator.get().faults().drop(Clients.HUB, first);

        await().until(() -> events.of(WebPubSubEvent.Connected.class).size() == 2);
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).singleElement()
                .satisfies(d -> assertThat(d.closeCode()).isEqualTo(1008));
        assertThat(emulator.get().connection(Clients.HUB, client.connectionId()).orElseThrow().groups())
                .containsExactly("g");
    }

    @Test
    void aDroppedSocketIsReportedAsLostWithNoCloseCodeAndRecoveredWithoutDisconnected() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = started(Clients.options(emulator.get(), "gina"), events);
        String connection = client.connectionId();

        emulator.get().faults().drop(Clients.HUB, connection);

        await().until(() -> !events.of(WebPubSubEvent.Recovered.class).isEmpty());
        assertThat(events.of(WebPubSubEvent.Recovering.class)).singleElement().satisfies(recovering -> {
            assertThat(recovering.connectionId()).isEqualTo(connection);
            assertThat(recovering.userId()).isEqualTo("gina");
            assertThat(recovering.closeCode()).isNull();
            assertThat(recovering.reason()).contains("lost without a close frame");
        });
        assertThat(events.of(WebPubSubEvent.Recovered.class).get(0)).isEqualTo(new WebPubSubEvent.Recovered(connection, "gina"));
        assertThat(client.lastProblem()).doesNotContain("close code");
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
    }
}
