package io.github.webpubsub.client.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * Acked sends per second against the in-process emulator: one at a time (a round trip each), then with many in
 * flight. Prints figures; asserts nothing. Run with:
 *
 * <pre>
 * mvn -B -q -pl camel-webpubsub -am process-test-classes -Pbench
 * </pre>
 */
public final class SendThroughputBenchmark {

    private SendThroughputBenchmark() {
    }

    public static void main(String[] args) {
        int sequential = 2_000;
        int pipelined = 50_000;
        int window = 1_000;
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                WebPubSubClient client = WebPubSubClient.create(Clients.options(emulator, "bench"))) {
            client.start().join();
            MessageData payload = MessageData.text("x".repeat(100));
            run(client, payload, 1_000, 1); // warm-up

            report("one at a time", sequential, run(client, payload, sequential, 1));
            report(window + " in flight", pipelined, run(client, payload, pipelined, window));
        }
    }

    private static long run(WebPubSubClient client, MessageData payload, int count, int window) {
        Semaphore inFlight = new Semaphore(window);
        List<CompletableFuture<SendResult>> sends = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<SendResult> send = client.sendToGroup("bench", payload);
            send.whenComplete((r, e) -> inFlight.release());
            sends.add(send);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return System.nanoTime() - start;
    }

    private static void report(String mode, int count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-16s %,7d acked sends in %6.2f s: %,9.0f sends/s%n", mode, count, seconds, count / seconds);
    }
}
