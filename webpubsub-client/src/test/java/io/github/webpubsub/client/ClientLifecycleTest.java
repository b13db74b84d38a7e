package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.Faults;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.vertx.core.Vertx;

/** Start, stop, rejected credentials, unreachable services and sends that wait for a connection. */
class ClientLifecycleTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    private WebPubSubClient client(WebPubSubClientOptions options, RecordingListener listener) {
        return clients.create(options, listener);
    }

    @Test
    void startAndStopAreIdempotentAndStopRaisesDisconnectedThenStopped() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = client(Clients.options(emulator.get(), "alice"), events);

        CompletableFuture<Void> first = client.start();
        CompletableFuture<Void> second = client.start();
        first.orTimeout(30, TimeUnit.SECONDS).join();
        second.orTimeout(30, TimeUnit.SECONDS).join();
        String connection = client.connectionId();
        assertThat(emulator.get().connections(Clients.HUB)).filteredOn(c -> c.userId().equals("alice")).hasSize(1);

        client.stop().orTimeout(30, TimeUnit.SECONDS).join();
        client.stop().orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(client.state()).isEqualTo(ClientState.STOPPED);
        await().until(() -> events.all().size() == 3);
        assertThat(events.all().get(0)).isInstanceOf(WebPubSubEvent.Connected.class);
        assertThat(events.all().get(1)).isEqualTo(new WebPubSubEvent.Disconnected(connection, "alice", 1000, "Stopped by the application"));
        assertThat(events.all().get(2)).isEqualTo(new WebPubSubEvent.Stopped(connection, "alice", "Stopped by the application"));
        await().until(() -> emulator.get().connection(Clients.HUB, connection).isEmpty());
        assertThatThrownBy(() -> client.sendToGroup("g", MessageData.text("late")).orTimeout(30, TimeUnit.SECONDS).join())
                .cause().isInstanceOfSatisfying(SendFailedException.class,
                        e -> assertThat(e.errorName()).isEqualTo(SendFailedException.STOPPED));

        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(client.connectionId()).isNotEqualTo(connection);
    }

    @Test
    void aForbiddenHandshakeStopsTheClientLikeAnUnauthorizedOne() {
        emulator.get().faults().refuseUpgrades(403, Faults.UNTIL_CLEARED);
        AtomicInteger attempts = new AtomicInteger();
        WebPubSubClientOptions options = Clients.options(emulator.get(), "alice");
        ClientAccessUrlProvider credential = options.getCredential();
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = client(options.setCredential(() -> {
            attempts.incrementAndGet();
            return credential.clientAccessUrl();
        }), events);
        try {
            assertThatThrownBy(() -> client.start().orTimeout(30, TimeUnit.SECONDS).join())
                    .isInstanceOf(CompletionException.class).hasMessageContaining("HTTP 403");
            assertThat(client.state()).isEqualTo(ClientState.STOPPED);
            await().until(() -> !events.of(WebPubSubEvent.Stopped.class).isEmpty());
            assertThat(events.of(WebPubSubEvent.Stopped.class).get(0).reason()).contains("rejected the credential (HTTP 403)");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> attempts.get() == 1);
        } finally {
            emulator.get().faults().clear();
        }
    }

    @Test
    void aRejectedCredentialStopsTheClientWithTheReasonAndNoReconnectLoop() {
        WebPubSubEmulator e = emulator.get();
        String wrongKey = e.connectionString().replace(e.accessKey(), WebPubSubEmulator.randomAccessKey());
        ConnectionStringCredential credential = ConnectionStringCredential.builder(wrongKey, Clients.HUB).build();
        AtomicInteger attempts = new AtomicInteger();
        ClientAccessUrlProvider counting = () -> {
            attempts.incrementAndGet();
            return credential.clientAccessUrl();
        };
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = client(Clients.options(e, "alice").setCredential(counting), events);

        assertThatThrownBy(() -> client.start().orTimeout(30, TimeUnit.SECONDS).join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("HTTP 401");

        assertThat(client.state()).isEqualTo(ClientState.STOPPED);
        await().until(() -> !events.of(WebPubSubEvent.Stopped.class).isEmpty());
        WebPubSubEvent.Stopped stopped = events.of(WebPubSubEvent.Stopped.class).get(0);
        assertThat(stopped.reason()).contains("rejected the credential (HTTP 401)").doesNotContain(e.accessKey())
                .doesNotContain("access_token=ey");
        assertThat(client.lastProblem()).isEqualTo(stopped.reason());
        // It never connected: no connection to name.
        assertThat(stopped.connectionId()).isNull();
        assertThat(stopped.userId()).isNull();
        // With a 100 ms reconnect delay, a loop would have made dozens of attempts by the end of this window.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> attempts.get() == 1);
    }

    @Test
    void aForbiddenUpgradeRetriedOnRequestBacksOffInsteadOfSpinning() {
        emulator.get().faults().refuseUpgrades(403, Faults.UNTIL_CLEARED);
        AtomicInteger attempts = new AtomicInteger();
        WebPubSubClientOptions options = Clients.options(emulator.get(), "alice");
        ClientAccessUrlProvider credential = options.getCredential();
        options.setCredential(() -> {
            attempts.incrementAndGet();
            return credential.clientAccessUrl();
        }).setRetryOnAuthFailure(true).setAuthFailureRetryDelay(Duration.ofMillis(500));
        WebPubSubClient client = client(options, new RecordingListener());

        CompletableFuture<Void> start = client.start();
        await().until(() -> attempts.get() >= 2);
        assertThat(client.state()).isEqualTo(ClientState.CONNECTING);
        emulator.get().faults().clear();

        start.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
    }

    @Test
    void sendsWaitForANewConnectionAndGoOutWhenItIsUp() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = client(Clients.options(emulator.get(), "alice"), events);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        client.joinGroup("queue").orTimeout(30, TimeUnit.SECONDS).join();
        emulator.get().faults().refuseUpgrades(503, 3);

        emulator.get().faults().close(Clients.HUB, client.connectionId(), 1008, "policy");
        await().until(() -> client.state() == ClientState.RECONNECTING);
        CompletableFuture<SendResult> waiting = client.sendToGroup("queue", MessageData.text("queued"));

        SendResult result = waiting.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(result.duplicated()).isFalse();
        await().until(() -> events.groupTexts().contains("queued"));
        assertThat(events.of(WebPubSubEvent.Connected.class)).hasSize(2);
    }

    @Test
    void waitingSendsAreBoundedInCountAndTime() {
        WebPubSubClient client = client(Clients.options(emulator.get(), "alice").setMaxQueuedSends(2)
                .setQueuedSendTimeout(Duration.ofMillis(500)), new RecordingListener());
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        emulator.get().faults().refuseUpgrades(503, Faults.UNTIL_CLEARED);
        emulator.get().faults().close(Clients.HUB, client.connectionId(), 1008, "policy");
        await().until(() -> client.state() == ClientState.RECONNECTING);

        CompletableFuture<SendResult> first = client.sendToGroup("g", MessageData.text("1"));
        CompletableFuture<SendResult> second = client.sendToGroup("g", MessageData.text("2"));
        CompletableFuture<SendResult> third = client.sendToGroup("g", MessageData.text("3"));

        assertThatThrownBy(() -> third.orTimeout(30, TimeUnit.SECONDS).join()).cause().isInstanceOfSatisfying(SendFailedException.class,
                e -> assertThat(e.errorName()).isEqualTo(SendFailedException.QUEUE_FULL));
        assertThatThrownBy(() -> first.orTimeout(30, TimeUnit.SECONDS).join()).cause().isInstanceOfSatisfying(SendFailedException.class, e -> {
            assertThat(e.errorName()).isEqualTo(SendFailedException.CONNECTION_LOST);
            assertThat(e.ackId()).isNotNull();
        });
        assertThatThrownBy(() -> second.orTimeout(30, TimeUnit.SECONDS).join()).cause().isInstanceOf(SendFailedException.class);
    }

    @Test
    void aJoinThatFoundNoConnectionIsMadeWhenTheConnectionComesUp() {
        emulator.get().faults().refuseUpgrades(503, Faults.UNTIL_CLEARED);
        WebPubSubClient client = client(Clients.options(emulator.get(), "patient")
                .setQueuedSendTimeout(Duration.ofMillis(300)), new RecordingListener());
        CompletableFuture<Void> started = client.start();

        assertThatThrownBy(() -> client.joinGroup("later").orTimeout(30, TimeUnit.SECONDS).join()).cause()
                .isInstanceOfSatisfying(SendFailedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo(SendFailedException.CONNECTION_LOST);
                    assertThat(e.fromService()).isFalse();
                });
        emulator.get().faults().clear();
        started.orTimeout(30, TimeUnit.SECONDS).join();

        await().until(() -> emulator.get().connection(Clients.HUB, client.connectionId())
                .map(c -> c.groups().contains("later")).orElse(false));
    }

    @Test
    void aHundredConnectsToAClosedPortLeaveNoThreadsBehind() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "ws://localhost:" + port + "/client/hubs/chat?access_token=unused";
        connectAndFail(url);
        int baseline = Thread.activeCount();

        for (int i = 0; i < 100; i++) {
            connectAndFail(url);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> Thread.activeCount() <= baseline + 2);
    }

    private static void connectAndFail(String url) {
        try (WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(ClientAccessUrlProvider.fixed(url))
                .setMaxReconnectAttempts(0))) {
            assertThatThrownBy(() -> client.start().orTimeout(30, TimeUnit.SECONDS).join()).hasMessageContaining("Could not connect after 1 attempt");
        }
    }

    @Test
    void aGivenVertxIsUsedAndLeftRunning() {
        Vertx vertx = Vertx.vertx();
        try {
            WebPubSubClient client = client(Clients.options(emulator.get(), "guest").setVertx(vertx), new RecordingListener());
            client.start().orTimeout(30, TimeUnit.SECONDS).join();

            client.close();

            assertThat(vertx.deploymentIDs()).isEmpty();
            assertThat(vertx.setTimer(1, t -> { })).isNotNegative();
            assertThat(vertx.createHttpClient()).isNotNull();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void withoutAutoReconnectALostConnectionStopsTheClient() {
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = client(Clients.options(emulator.get(), "once").setAutoReconnect(false), events);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        String connection = client.connectionId();

        emulator.get().faults().close(Clients.HUB, connection, 1008, "policy");

        await().until(() -> !events.of(WebPubSubEvent.Stopped.class).isEmpty());
        assertThat(client.state()).isEqualTo(ClientState.STOPPED);
        assertThat(events.of(WebPubSubEvent.Disconnected.class)).singleElement()
                .satisfies(d -> assertThat(d.closeCode()).isEqualTo(1008));
        assertThat(events.of(WebPubSubEvent.Stopped.class).get(0)).satisfies(stopped -> {
            assertThat(stopped.reason()).contains("autoReconnect is off");
            // The connection had ended already: Disconnected named it.
            assertThat(stopped.connectionId()).isNull();
        });
    }

    @Test
    void invalidOptionsNameTheOption() {
        assertThatThrownBy(() -> WebPubSubClient.create(Clients.options(emulator.get(), "x").setMaxRetries(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> WebPubSubClient.create(new WebPubSubClientOptions()))
                .hasMessageContaining("credential");
        assertThatThrownBy(() -> ConnectionStringCredential.builder("Endpoint=http://x;AccessKey=secret-key", "1hub").build())
                .hasMessageContaining("hub").hasMessageNotContaining("secret-key");
        assertThatThrownBy(() -> ConnectionStringCredential.builder("Endpoint=http://x", "hub").build())
                .hasMessageContaining("AccessKey");
    }
}
