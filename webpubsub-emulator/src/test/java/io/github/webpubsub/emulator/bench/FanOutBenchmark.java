package io.github.webpubsub.emulator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Fan-out throughput of the emulator: one sender publishes to a group of ten reliable receivers, which ack as the
 * SDKs do. Prints the messages delivered per second. Not a test: run it by hand (see README).
 */
public final class FanOutBenchmark {

    private static final int RECEIVERS = 10;
    private static final int MESSAGES = Integer.getInteger("messages", 50_000);
    private static final String PROTOCOL = "json.reliable.webpubsub.azure.v1";
    /**
     * Messages the sender may be ahead of the slowest receiver. Without such a window the sender outruns the
     * receivers, whose unacked backlog passes the service's 1000-message limit and gets them closed, as on Azure.
     */
    private static final int WINDOW = 200;

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Vertx clients = Vertx.vertx();
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            WebSocketClient wsClient = clients.createWebSocketClient();
            AtomicLong delivered = new AtomicLong();
            CountDownLatch done = new CountDownLatch(RECEIVERS);
            AtomicReference<String> failure = new AtomicReference<>();
            List<WebSocket> receivers = new ArrayList<>();
            AtomicLong[] progress = new AtomicLong[RECEIVERS];
            for (int i = 0; i < RECEIVERS; i++) {
                String url = emulator.clientAccessUrl("bench", "r" + i, List.of(), List.of("g"));
                AtomicLong mine = progress[i] = new AtomicLong();
                receivers.add(connect(wsClient, url).map(ws -> {
                    long[] seen = {0};
                    ws.closeHandler(v -> {
                        if (seen[0] < MESSAGES && failure.compareAndSet(null, "A receiver was closed: " + ws.closeReason())) {
                            for (int r = 0; r < RECEIVERS; r++) {
                                done.countDown();
                            }
                        }
                    });
                    ws.textMessageHandler(text -> {
                        if (text.startsWith("{\"type\":\"message\"")) {
                            seen[0]++;
                            mine.set(seen[0]);
                            delivered.incrementAndGet();
                            // Cumulative acks every 100 messages keep the unacked buffer far from its limit.
                            if (seen[0] % 50 == 0 || seen[0] == MESSAGES) {
                                ws.writeTextMessage("{\"type\":\"sequenceAck\",\"sequenceId\":" + seen[0] + "}");
                            }
                            if (seen[0] == MESSAGES) {
                                done.countDown();
                            }
                        }
                    });
                    return ws;
                }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
            }
            String senderUrl = emulator.clientAccessUrl("bench", "sender", List.of("webpubsub.sendToGroup"), List.of());
            WebSocket sender = connect(wsClient, senderUrl).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            long start = System.nanoTime();
            int[] sent = {0};
            clients.setPeriodic(1, timer -> {
                long slowest = java.util.Arrays.stream(progress).mapToLong(AtomicLong::get).min().orElse(0);
                while (sent[0] < MESSAGES && sent[0] - slowest < WINDOW && !sender.writeQueueFull()) {
                    sender.writeTextMessage("{\"type\":\"sendToGroup\",\"group\":\"g\",\"dataType\":\"text\",\"data\":\"message "
                            + sent[0]++ + "\"}");
                }
                if (sent[0] == MESSAGES) {
                    clients.cancelTimer(timer);
                }
            });
            boolean finished = done.await(5, TimeUnit.MINUTES);
            if (failure.get() != null || !finished) {
                throw new IllegalStateException(failure.get() != null ? failure.get() : "Only " + delivered.get() + " messages arrived");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "Fan-out: 1 sender, %d receivers, %d messages each: %d deliveries in %.2f s = %,.0f messages/s%n",
                    RECEIVERS, MESSAGES, delivered.get(), seconds, delivered.get() / seconds);
            receivers.forEach(WebSocket::close);
            sender.close();
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static io.vertx.core.Future<WebSocket> connect(WebSocketClient client, String url) {
        return client.connect(new WebSocketConnectOptions().setAbsoluteURI(url).addSubProtocol(PROTOCOL));
    }
}
