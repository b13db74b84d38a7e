package io.github.webpubsub.client.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

import io.github.webpubsub.client.AckMode;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The receive path on a bad day, against the in-process emulator, with figures printed (it asserts nothing):
 * <ol>
 * <li>a receiver whose listener only counts, fed as fast as one publisher with 200 acked sends in flight can;</li>
 * <li>a listener taking 50 ms per message under a burst of 20,000 messages, acknowledged on receipt into a buffer of
 * 20,000, then after processing;</li>
 * <li>a publisher staying 600 messages ahead of a receiver that is dropped every 1,000 messages, for 200,000;</li>
 * <li>a receiver whose event loop is blocked once, for 30 to 150 ms, while a publisher sends 13,000 messages a second:
 * the pause a busy loop or a GC gives, and where the service's 1000-message limit draws the line.</li>
 * </ol>
 * Run with:
 *
 * <pre>
 * mvn -B -q -pl webpubsub-client -am process-test-classes -Pbench -Dbench.class=io.github.webpubsub.client.bench.ReceivePathBenchmark
 * </pre>
 */
public final class ReceivePathBenchmark {

    private static final MessageData PAYLOAD = MessageData.text("x".repeat(100));

    private ReceivePathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0] : "all";
        int dropped = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            if (only.equals("all") || only.equals("count")) {
                countingReceiver(emulator, 200_000);
            }
            if (only.equals("all") || only.equals("burst")) {
                slowRouteBurst(emulator, AckMode.ON_RECEIPT, 20_000);
                slowRouteBurst(emulator, AckMode.AFTER_PROCESSING, 20_000);
            }
            if (only.equals("all") || only.equals("drops")) {
                dropsWhileAhead(emulator, AckMode.ON_RECEIPT, dropped, 600, 1_000);
                dropsWhileAhead(emulator, AckMode.AFTER_PROCESSING, dropped, 600, 1_000);
            }
            if (only.equals("all") || only.equals("pause")) {
                // The first round warms the JIT up at this rate; the 0 ms round is the baseline without a pause.
                blockedLoop(emulator, 13_000, 0, false);
                for (int pause : new int[] {0, 30, 50, 70, 100, 150}) {
                    blockedLoop(emulator, 13_000, pause, true);
                }
            }
        }
    }

    /** What one receiver saw: every message checked for order, loss and duplicates. */
    private static final class Tally {
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final AtomicInteger gaps = new AtomicInteger();
        final AtomicReference<String> disconnected = new AtomicReference<>();

        void accept(WebPubSubEvent event) {
            if (event instanceof WebPubSubEvent.GroupMessage message) {
                int number = Integer.parseInt(message.data().asText().substring(0, message.data().asText().indexOf(':')));
                int expected = next.get();
                if (number < expected) {
                    duplicates.incrementAndGet();
                } else {
                    if (number > expected) {
                        gaps.addAndGet(number - expected);
                    }
                    next.set(number + 1);
                }
            } else if (event instanceof WebPubSubEvent.Disconnected d && disconnected.get() == null) {
                disconnected.set(d.closeCode() + " " + d.reason());
            }
        }
    }

    private static WebPubSubClient receiver(WebPubSubClientOptions options,
            java.util.function.Consumer<WebPubSubEvent> listener) {
        WebPubSubClient client = WebPubSubClient.create(options);
        client.addListener(listener::accept);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    /** Publishes {@code count} numbered messages with at most {@code window} acked sends in flight. */
    private static long publish(WebPubSubClient publisher, String group, int count, int window, IntPredicate mayGoOn)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(window);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (!mayGoOn.test(i)) {
                // A short park, not a spin: on two cores a spinning publisher takes one of them from the emulator
                // and the receiver it measures.
                LockSupport.parkNanos(20_000);
            }
            if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no ack for 30 s");
            }
            publisher.sendToGroup(group, MessageData.text(i + ":" + PAYLOAD.asText())).whenComplete((ok, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.tryAcquire(window, 60, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.out.printf("  (%d sends failed)%n", failed.get());
        }
        return System.nanoTime() - start;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static void countingReceiver(WebPubSubEmulator emulator, int count) throws Exception {
        Tally tally = new Tally();
        try (WebPubSubClient receiver = receiver(Clients.options(emulator, "counter"), tally::accept);
                WebPubSubClient publisher = WebPubSubClient.create(Clients.options(emulator, "publisher-1"))) {
            receiver.joinGroup("count").orTimeout(30, TimeUnit.SECONDS).join();
            publisher.start().orTimeout(30, TimeUnit.SECONDS).join();
            long nanos = publish(publisher, "count", count, 200, i -> true);
            waitFor(() -> tally.next.get() >= count || tally.disconnected.get() != null, Duration.ofSeconds(30));
            System.out.printf("counting receiver  %,d published at %,.0f msg/s: %,d lost, %,d duplicated%s%n", count,
                    count / (nanos / 1e9), count - tally.next.get() + tally.gaps.get(), tally.duplicates.get(),
                    tally.disconnected.get() == null ? "" : ", closed: " + tally.disconnected.get());
        }
    }

    private static void slowRouteBurst(WebPubSubEmulator emulator, AckMode mode, int count) throws Exception {
        Tally tally = new Tally();
        AtomicBoolean slow = new AtomicBoolean(true);
        AtomicLong maxWaiting = new AtomicLong();
        WebPubSubClient[] self = new WebPubSubClient[1];
        WebPubSubClientOptions options = Clients.options(emulator, "slow-" + mode).setAckMode(mode)
                .setReceiveBufferMessages(count);
        try (WebPubSubClient receiver = receiver(options, event -> {
            if (event instanceof WebPubSubEvent.GroupMessage && slow.get()) {
                maxWaiting.accumulateAndGet(self[0].pendingDeliveries(), Math::max);
                sleep(50);
            }
            tally.accept(event);
        }); WebPubSubClient publisher = WebPubSubClient.create(Clients.options(emulator, "publisher-2"))) {
            self[0] = receiver;
            receiver.joinGroup("burst-" + mode).orTimeout(30, TimeUnit.SECONDS).join();
            publisher.start().orTimeout(30, TimeUnit.SECONDS).join();
            long published = System.nanoTime();
            long nanos = publish(publisher, "burst-" + mode, count, 200, i -> true);
            long noticed = -1;
            if (mode == AckMode.AFTER_PROCESSING) {
                waitFor(() -> receiver.lastProblem() != null, Duration.ofSeconds(10));
                noticed = System.nanoTime() - published;
            }
            String problem = receiver.lastProblem();
            // The burst is in; let the route catch up at full speed and count what reached it.
            slow.set(false);
            waitFor(() -> tally.next.get() >= count, Duration.ofSeconds(30));
            int lost = count - tally.next.get() + tally.gaps.get();
            System.out.printf("50 ms route, %-16s %,d in %.1f s: %,d lost, %,d duplicated, up to %,d waiting in the "
                    + "client%s%n", mode, count, nanos / 1e9, lost, tally.duplicates.get(), maxWaiting.get(),
                    noticed < 0 ? "" : String.format(", close noticed %.1f s after the burst began (%s)", noticed / 1e9,
                            problem));
        }
    }

    private static void dropsWhileAhead(WebPubSubEmulator emulator, AckMode mode, int count, int ahead, int dropEvery)
            throws Exception {
        Tally tally = new Tally();
        AtomicInteger drops = new AtomicInteger();
        WebPubSubClient[] self = new WebPubSubClient[1];
        int batch = Integer.getInteger("bench.ackBatch", WebPubSubClientOptions.DEFAULT_SEQUENCE_ACK_BATCH);
        String user = "dropped-" + mode;
        try (WebPubSubClient receiver = receiver(Clients.options(emulator, user).setAckMode(mode)
                .setSequenceAckBatch(batch), event -> {
            tally.accept(event);
            if (event instanceof WebPubSubEvent.GroupMessage && tally.next.get() % dropEvery == 0) {
                emulator.faults().drop(Clients.HUB, self[0].connectionId());
                drops.incrementAndGet();
            }
        }); WebPubSubClient publisher = WebPubSubClient.create(Clients.options(emulator, "publisher-3"))) {
            self[0] = receiver;
            String group = "ahead-" + mode;
            receiver.joinGroup(group).orTimeout(30, TimeUnit.SECONDS).join();
            publisher.start().orTimeout(30, TimeUnit.SECONDS).join();
            long[] stalledSince = {0};
            AtomicInteger skipped = new AtomicInteger();
            long nanos = publish(publisher, group, count, 200, i -> {
                if (i - tally.next.get() - skipped.get() < ahead) {
                    stalledSince[0] = 0;
                    return true;
                }
                if (stalledSince[0] == 0) {
                    stalledSince[0] = System.nanoTime();
                } else if (System.nanoTime() - stalledSince[0] > TimeUnit.SECONDS.toNanos(2)) {
                    // What the service dropped with a closed connection never comes: go on past it.
                    skipped.addAndGet(ahead);
                    stalledSince[0] = 0;
                }
                return false;
            });
            waitFor(() -> tally.next.get() >= count, Duration.ofSeconds(30));
            System.out.printf("%d ahead, dropped every %,d, %-16s %,d in %.1f s, %d drops: %,d lost, %,d duplicated%s%n",
                    ahead, dropEvery, mode, count, nanos / 1e9, drops.get(), count - tally.next.get() + tally.gaps.get(),
                    tally.duplicates.get(), tally.disconnected.get() == null ? "" : ", closed: " + tally.disconnected.get());
        }
    }

    /**
     * A receiver on a Vert.x of one event loop, blocked once for {@code pauseMillis} a second into a steady stream of
     * {@code rate} messages a second: while it is blocked nothing is read and no ack leaves, and the service counts
     * what it sends.
     */
    private static void blockedLoop(WebPubSubEmulator emulator, int rate, int pauseMillis, boolean report)
            throws Exception {
        Tally tally = new Tally();
        Vertx loop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        String group = "pause-" + pauseMillis + "-" + System.nanoTime();
        int count = rate * 3;
        try (WebPubSubClient receiver = receiver(Clients.options(emulator, group).setVertx(loop),
                tally::accept); WebPubSubClient publisher = WebPubSubClient.create(Clients.options(emulator, "publisher-4"))) {
            receiver.joinGroup(group).orTimeout(30, TimeUnit.SECONDS).join();
            publisher.start().orTimeout(30, TimeUnit.SECONDS).join();
            AtomicBoolean paused = new AtomicBoolean();
            long[] start = {System.nanoTime()};
            long maxDebt = rate / 100;
            publish(publisher, group, count, 200, i -> {
                if (i >= rate && pauseMillis > 0 && paused.compareAndSet(false, true)) {
                    // The loop's only thread: the receiver's event loop stops for the pause.
                    loop.runOnContext(v -> sleep(pauseMillis));
                }
                long due = (System.nanoTime() - start[0]) * rate / 1_000_000_000L;
                if (due - i > maxDebt) {
                    // A steady rate: a publisher held up (by this busy machine) does not catch up in a burst.
                    start[0] += (due - i - maxDebt) * 1_000_000_000L / rate;
                }
                return i < due;
            });
            waitFor(() -> tally.next.get() >= count || tally.disconnected.get() != null, Duration.ofSeconds(10));
            if (!report) {
                return;
            }
            System.out.printf("event loop blocked %3d ms at %,d msg/s (%,d messages in the pause): %,d lost%s%n",
                    pauseMillis, rate, rate * pauseMillis / 1000, count - tally.next.get() + tally.gaps.get(),
                    tally.disconnected.get() == null ? ", not closed" : ", closed: " + tally.disconnected.get());
        } finally {
            loop.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static void sleep(long millis) {
        try {
            // The slowness being measured, not a synchronisation.
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
