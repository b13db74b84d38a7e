package io.github.webpubsub.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.github.webpubsub.client.internal.fake.FakeTransport;
import io.github.webpubsub.client.internal.fake.FakeTransportFactory;
import io.github.webpubsub.client.support.RecordingListener;
import io.vertx.core.Vertx;

/** A client over fake sockets, with short timings, for frame-by-frame tests of the engine. */
final class EngineHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    final Vertx vertx = Vertx.vertx();
    final FakeTransportFactory sockets;
    final RecordingListener events = new RecordingListener();
    final WebPubSubClient client;

    EngineHarness() {
        this(options -> options);
    }

    EngineHarness(java.util.function.UnaryOperator<WebPubSubClientOptions> tune) {
        this(WebPubSubProtocol.JSON_RELIABLE, tune);
    }

    EngineHarness(WebPubSubProtocol protocol, java.util.function.UnaryOperator<WebPubSubClientOptions> tune) {
        sockets = new FakeTransportFactory(vertx, protocol);
        WebPubSubClientOptions options = WebPubSubClientOptions
                .of(ClientAccessUrlProvider.fixed("ws://fake/client/hubs/h?access_token=t"))
                .setVertx(vertx)
                .setProtocol(protocol)
                .setReconnectDelay(Duration.ofMillis(50))
                .setMaxReconnectDelay(Duration.ofMillis(100))
                .setRecoveryDelay(Duration.ofMillis(200))
                .setRetryDelay(Duration.ofMillis(50))
                .setMaxRetryDelay(Duration.ofMillis(100))
                .setSequenceAckInterval(Duration.ofMillis(100))
                .setPingInterval(Duration.ZERO)
                .setIdleTimeout(Duration.ZERO);
        client = new WebPubSubClientImpl(tune.apply(options), sockets).addListener(events);
    }

    /** Starts the client and completes its first connection: c1, for alice, with token-1. */
    FakeTransport connect() throws Exception {
        java.util.concurrent.CompletableFuture<Void> start = client.start();
        FakeTransport socket = sockets.nextOpen(WAIT).accept();
        socket.connected("c1", "alice", "token-1");
        start.get(5, java.util.concurrent.TimeUnit.SECONDS);
        return socket;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).orTimeout(30, TimeUnit.SECONDS).join();
    }
}
