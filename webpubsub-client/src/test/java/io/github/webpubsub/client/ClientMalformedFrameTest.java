package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.support.RecordingListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * A service that sends garbage between good frames: the client skips the garbage and keeps the connection. The
 * emulator never sends malformed frames, so a bare WebSocket server plays the service here.
 */
class ClientMalformedFrameTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void malformedFramesAreSkippedAndTheConnectionKept() {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setWebSocketSubProtocols(List.of("json.reliable.webpubsub.azure.v1"))).webSocketHandler(socket -> {
            socket.writeTextMessage("{\"type\":\"system\",\"event\":\"connected\",\"connectionId\":\"c1\",\"reconnectionToken\":\"t\"}");
            socket.writeTextMessage("this is not json");
            socket.writeTextMessage("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"binary\",\"data\":\"%%%\",\"sequenceId\":1}");
            socket.writeTextMessage("{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\"good\",\"sequenceId\":2}");
        });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        RecordingListener events = new RecordingListener();

        try (WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(ClientAccessUrlProvider
                .fixed("ws://localhost:" + server.actualPort() + "/client/hubs/h?access_token=x")).setMaxReconnectAttempts(0))) {
            client.addListener(events).start().orTimeout(30, TimeUnit.SECONDS).join();

            await().until(() -> !events.of(WebPubSubEvent.ServerMessage.class).isEmpty());
            assertThat(events.of(WebPubSubEvent.ServerMessage.class)).extracting(e -> e.data().asText()).containsExactly("good");
            assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
            assertThat(client.connectionId()).isEqualTo("c1");
        }
    }
}
