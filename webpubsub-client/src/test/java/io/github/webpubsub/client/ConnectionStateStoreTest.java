package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * A client with a connection state store takes its reliable connection back when it starts again within the
 * recovery window: what was published meanwhile arrives once and in order, what the stored state says was
 * acknowledged is not delivered again; past the window, or when the service refuses, it opens a new connection.
 */
class ConnectionStateStoreTest {

    /** One per test: a client with a store leaves its connection behind when it closes, for the next one to take. */
    @RegisterExtension
    final WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    @TempDir
    Path dir;

    private WebPubSubClientOptions stored(String user) {
        return Clients.options(emulator.get(), user).setConnectionStateStore(ConnectionStateStore.file(dir.resolve("state")));
    }

    private WebPubSubClient publisher() {
        return clients.started(Clients.options(emulator.get(), "publisher"), new RecordingListener());
    }

    private void publish(WebPubSubClient publisher, int from, int to) {
        CompletableFuture.allOf(IntStream.rangeClosed(from, to)
                .mapToObj(i -> publisher.sendToGroup("stream", MessageData.text(Integer.toString(i))))
                .toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static java.util.List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void aClientStartedAgainTakesItsConnectionBackAndGetsWhatWasPublishedMeanwhileOnce() {
        WebPubSubClient publisher = publisher();
        RecordingListener first = new RecordingListener();
        WebPubSubClient before = clients.started(stored("bridge"), first);
        before.joinGroup("stream").orTimeout(30, TimeUnit.SECONDS).join();
        String connection = before.connectionId();
        publish(publisher, 1, 20);
        await().until(() -> first.groupTexts().size() == 20);
        before.stop().orTimeout(30, TimeUnit.SECONDS).join();

        publish(publisher, 21, 40);   // while no process holds the connection
        RecordingListener second = new RecordingListener();
        WebPubSubClient after = clients.started(stored("bridge"), second);

        assertThat(after.connectionId()).isEqualTo(connection);
        await().until(() -> second.groupTexts().size() >= 20);
        publish(publisher, 41, 45);
        await().until(() -> second.groupTexts().size() >= 25);
        assertThat(first.groupTexts()).containsExactlyElementsOf(numbers(1, 20));
        assertThat(second.groupTexts()).containsExactlyElementsOf(numbers(21, 45));
        assertThat(second.of(WebPubSubEvent.Connected.class)).singleElement()
                .satisfies(c -> assertThat(c.connectionId()).isEqualTo(connection));
        assertThat(emulator.get().connections(Clients.HUB)).filteredOn(c -> c.userId().equals("bridge")).hasSize(1);
    }

    @Test
    void aClientStoppedWhileItsListenerIsBusyFinishesWhatItWasHandedAndLeavesTheRest() {
        WebPubSubClient publisher = publisher();
        java.util.List<String> processed = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A slow route: each message takes 20 ms, finished asynchronously as a Camel exchange would be.
        WebPubSubListener slow = new WebPubSubListener() {
            @Override
            public void onEvent(WebPubSubEvent event) {
            }

            @Override
            public java.util.concurrent.CompletionStage<Void> onEventAsync(WebPubSubEvent event) {
                if (!(event instanceof WebPubSubEvent.GroupMessage message)) {
                    return CompletableFuture.completedFuture(null);
                }
                return CompletableFuture.runAsync(() -> processed.add(message.data().asText()),
                        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
            }
        };
        WebPubSubClient before = clients.started(stored("bridge"), slow);
        before.joinGroup("stream").orTimeout(30, TimeUnit.SECONDS).join();
        publish(publisher, 1, 200);
        await().until(() -> processed.size() >= 20);

        // Stopped mid-stream: what the listener was handed is finished and acknowledged first.
        before.stop().orTimeout(30, TimeUnit.SECONDS).join();
        int processedBefore = processed.size();

        RecordingListener second = new RecordingListener();
        clients.started(stored("bridge"), second);
        await().until(() -> processedBefore + second.groupTexts().size() >= 200);
        publish(publisher, 201, 201);
        await().until(() -> second.groupTexts().contains("201"));

        // The listener finishes out of order (as concurrent exchanges do): each number once is what counts here.
        java.util.List<String> all = new java.util.ArrayList<>(processed);
        all.addAll(second.groupTexts());
        assertThat(all).containsExactlyInAnyOrderElementsOf(numbers(1, 201));
    }

    @Test
    void everySequenceAckReachesTheStoreWhileTheClientRunsSoAProcessThatDiesLeavesItsLastAck() throws Exception {
        WebPubSubClient publisher = publisher();
        RecordingListener events = new RecordingListener();
        WebPubSubClient running = clients.started(stored("bridge"), events);
        running.joinGroup("stream").orTimeout(30, TimeUnit.SECONDS).join();
        publish(publisher, 1, 10);
        await().until(() -> events.groupTexts().size() == 10);
        long last = events.of(WebPubSubEvent.GroupMessage.class).get(9).sequenceId();

        // Read while the client still runs, as the next process would find it after a kill: no stop wrote it.
        ConnectionStateStore store = ConnectionStateStore.file(dir.resolve("state"));
        await().until(() -> store.load().map(ConnectionState::ackedSequenceId).orElse(0L) == last);
        assertThat(store.load().orElseThrow().connectionId()).isEqualTo(running.connectionId());
    }

    @Test
    void whatTheStoredStateSaysWasAcknowledgedIsNotDeliveredAgain() throws Exception {
        WebPubSubClient publisher = publisher();
        RecordingListener first = new RecordingListener();
        WebPubSubClient before = clients.started(stored("bridge"), first);
        before.joinGroup("stream").orTimeout(30, TimeUnit.SECONDS).join();
        publish(publisher, 1, 10);
        await().until(() -> first.groupTexts().size() == 10);
        before.stop().orTimeout(30, TimeUnit.SECONDS).join();
        publish(publisher, 11, 15);

        // As if the process had handled 11 to 13 and written the state, and died before its ack reached the service.
        ConnectionStateStore store = ConnectionStateStore.file(dir.resolve("state"));
        ConnectionState left = store.load().orElseThrow();
        assertThat(left.ackedSequenceId()).isEqualTo(10);
        store.save(new ConnectionState(left.connectionId(), left.userId(), left.reconnectionToken(), 13, Instant.now()));

        RecordingListener second = new RecordingListener();
        clients.started(stored("bridge"), second);

        await().until(() -> second.groupTexts().size() >= 2);
        publish(publisher, 16, 16);
        await().until(() -> second.groupTexts().size() >= 3);
        assertThat(second.groupTexts()).containsExactly("14", "15", "16");
    }

    @Test
    void aStatePastTheRecoveryWindowGivesANewConnection() throws Exception {
        ConnectionStateStore store = ConnectionStateStore.file(dir.resolve("state"));
        store.save(new ConnectionState("old-connection", "bridge", "token", 7, Instant.now().minus(Duration.ofMinutes(5))));
        RecordingListener events = new RecordingListener();

        WebPubSubClient client = clients.started(stored("bridge"), events);

        assertThat(client.connectionId()).isNotEqualTo("old-connection");
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
        // The new connection is what the store holds now.
        await().until(() -> store.load().map(ConnectionState::connectionId).orElse("").equals(client.connectionId()));
    }

    @Test
    void aConnectionTheServiceRefusesToRecoverGivesANewConnectionWithoutADisconnectedEvent() throws Exception {
        ConnectionStateStore store = ConnectionStateStore.file(dir.resolve("state"));
        store.save(new ConnectionState("unknown-connection", "bridge", "token", 7, Instant.now()));
        RecordingListener events = new RecordingListener();

        WebPubSubClient client = clients.started(stored("bridge"), events);

        assertThat(client.connectionId()).isNotEqualTo("unknown-connection");
        assertThat(events.of(WebPubSubEvent.Connected.class)).singleElement()
                .satisfies(c -> assertThat(c.connectionId()).isEqualTo(client.connectionId()));
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
    }

    @Test
    void aSecondClientOnTheSameStateWaitsUntilTheFirstHasLeft() {
        WebPubSubClient first = clients.started(stored("bridge"), new RecordingListener());
        String connection = first.connectionId();

        WebPubSubClient second = clients.create(stored("bridge"), new RecordingListener());
        CompletableFuture<Void> secondStarted = second.start();
        // Bounded: two live clients on one connection would take each other's socket.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !secondStarted.isDone());
        assertThat(emulator.get().connections(Clients.HUB)).filteredOn(c -> c.userId().equals("bridge")).hasSize(1);

        first.stop().orTimeout(30, TimeUnit.SECONDS).join();

        secondStarted.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(second.connectionId()).isEqualTo(connection);
    }

    @Test
    void aSecondClientMayOpenAConnectionOfItsOwnInstead() {
        WebPubSubClient first = clients.started(stored("bridge"), new RecordingListener());

        WebPubSubClient second = clients.started(stored("bridge").setStateLockMode(StateLockMode.NEW_CONNECTION),
                new RecordingListener());

        assertThat(second.connectionId()).isNotEqualTo(first.connectionId());
        assertThat(emulator.get().connections(Clients.HUB)).filteredOn(c -> c.userId().equals("bridge")).hasSize(2);
    }

    @Test
    void theTokenNeverShowsInAStatesDescription() {
        ConnectionState state = new ConnectionState("c1", "u1", "secret-token", 3, Instant.now());

        assertThat(state.toString()).doesNotContain("secret-token");
    }
}
