package io.github.webpubsub.client.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * The client's throughput against the in-process emulator: acked sends per second one at a time (a round trip
 * each) and with many in flight, then group messages received per second by a listener that only counts. Prints
 * figures; asserts nothing. Run with:
 *
 * <pre>
 * mvn -B -q -pl webpubsub-client -am process-test-classes -Pbench
 * </pre>
 */
public final class ClientThroughputBenchmark {

    private static final MessageData PAYLOAD = MessageData.text("x".repeat(100));

    private ClientThroughputBenchmark() {
    }

    public static void main(String[] args) {
        int sequential = 2_000;
        int pipelined = 50_000;
        int window = 1_000;
        int received = 50_000;
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                WebPubSubClient sender = WebPubSubClient.create(Clients.options(emulator, "bench"));
                WebPubSubClient receiver = WebPubSubClient.create(Clients.options(emulator, "bench-receiver"))) {
            sender.start().orTimeout(30, TimeUnit.SECONDS).join();
            send(sender, 1_000, 1); // warm-up

            report("one at a time", sequential, "acked sends", send(sender, sequential, 1));
            report(window + " in flight", pipelined, "acked sends", send(sender, pipelined, window));

            AtomicInteger count = new AtomicInteger();
            receiver.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage) {
                    count.incrementAndGet();
                }
            });
            receiver.start().orTimeout(30, TimeUnit.SECONDS).join();
            receiver.joinGroup("bench-in").orTimeout(30, TimeUnit.SECONDS).join();
            report("received", received, "messages", receive(sender, receiver, count, received));
        }
    }

    private static long send(WebPubSubClient client, int count, int window) {
        Semaphore inFlight = new Semaphore(window);
        List<CompletableFuture<SendResult>> sends = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<SendResult> send = client.sendToGroup("bench", PAYLOAD);
            send.whenComplete((r, e) -> inFlight.release());
            sends.add(send);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        return System.nanoTime() - start;
    }

    /**
     * Publishes while keeping within the service's 1000-message buffer for the receiver, as any app must. A receiver
     * that stops getting messages (its connection closed) ends the run within 10 s, with what it got and why.
     */
    private static long receive(WebPubSubClient sender, WebPubSubClient receiver, AtomicInteger count, int total) {
        Semaphore inFlight = new Semaphore(500);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long stalled = System.nanoTime();
            while (i - count.get() > 500) {
                if (System.nanoTime() - stalled > TimeUnit.SECONDS.toNanos(10)) {
                    throw new IllegalStateException("The receiver got " + count.get() + " of " + i
                            + " published and nothing for 10 s; its last problem: " + receiver.lastProblem());
                }
                Thread.onSpinWait();
            }
            inFlight.acquireUninterruptibly();
            sender.sendToGroup("bench-in", PAYLOAD).whenComplete((r, e) -> inFlight.release());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.get() < total && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (count.get() < total) {
            throw new IllegalStateException("The receiver got " + count.get() + " of " + total + " within 60 s; its "
                    + "last problem: " + receiver.lastProblem());
        }
        return System.nanoTime() - start;
    }

    private static void report(String mode, int count, String what, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-16s %,7d %s in %6.2f s: %,9.0f/s%n", mode, count, what, seconds, count / seconds);
    }
}
