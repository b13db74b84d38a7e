package io.github.webpubsub.camel.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.bench.baseline.MinimalService;
import io.github.webpubsub.client.bench.baseline.RawJsonClient;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * The client's and the component's cost per message beside a raw Vert.x + Jackson client doing the same socket
 * work, against one minimal json.reliable service in a JVM of its own, so that this JVM's CPU time is the
 * clients'. Every round measures raw, client and Camel one after the other, so that the machine's drift hits all
 * alike; the figures are medians over the rounds after the first. Prints a table with ratios to raw, writes
 * {@code target/bench/throughput.svg}, and asserts nothing. Run with:
 *
 * <pre>
 * mvn -B -q -pl camel-webpubsub -am package -DskipTests -Pperformance [-Dbench.args=5]
 * </pre>
 */
public final class PerformanceBenchmark {

    private static final String PAYLOAD = "x".repeat(100);
    private static final int[] WINDOWS = {1, 4, 16, 64, 256};
    private static final int RECEIVED = 100_000;
    private static final int ECHO_RATE = 1000;
    private static final int ECHOES = 2000;

    private final Map<String, List<Double>> figures = new LinkedHashMap<>();

    private PerformanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("heap")) {
            PerformanceBenchmark benchmark = new PerformanceBenchmark();
            benchmark.heapBehindASlowRoute();
            System.out.println("heap after GC, MB each second: " + benchmark.heapAfterGc + "; lag " + benchmark.lagAtEnd);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        new PerformanceBenchmark().run(rounds);
    }

    private void run(int rounds) throws Exception {
        Process service = startService();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().substring("port=".length()));
            String url = "ws://127.0.0.1:" + port + "/client/hubs/bench?access_token=x";
            try (RawJsonClient raw = RawJsonClient.connect(port);
                    Subject rawSubject = rawSubject(raw);
                    ClientSubject client = new ClientSubject(url);
                    CamelSubject camel = new CamelSubject(url)) {
                for (int round = 0; round < rounds; round++) {
                    boolean counted = round > 0 || rounds == 1;
                    measureRound(rawSubject, client, camel, counted);
                    System.out.printf("round %d of %d done%s%n", round + 1, rounds, counted ? "" : " (warm-up)");
                }
            }
            emulatorEndToEnd(rounds);
            heapBehindASlowRoute();
        } finally {
            service.getOutputStream().close();
            service.waitFor(10, TimeUnit.SECONDS);
            service.destroyForcibly();
        }
        report();
    }

    private void measureRound(Subject raw, ClientSubject client, CamelSubject camel, boolean counted) throws Exception {
        for (int window : WINDOWS) {
            int sends = window == 1 ? 3_000 : 30_000;
            record(counted, "sends/" + window + "/raw", sendRate(raw, window, sends));
            record(counted, "sends/" + window + "/client", sendRate(client, window, sends));
            if (window == 1 || window == 16 || window == 256) {
                record(counted, "sends/" + window + "/template", sendRate(camel, window, sends));
                record(counted, "sends/" + window + "/route", Measure.of(sends, () -> camel.sendFromRoute(window, sends)));
            }
        }
        record(counted, "received/raw", receiveRate(raw));
        record(counted, "received/client", receiveRate(client));
        record(counted, "received/camel", receiveRate(camel));
        latency(counted, "echo/raw", raw);
        latency(counted, "echo/client", client);
        latency(counted, "echo/camel", camel);
    }

    private void record(boolean counted, String name, Measure measure) {
        if (!counted) {
            return;
        }
        figures.computeIfAbsent(name + "/rate", k -> new ArrayList<>()).add(measure.perSecond());
        figures.computeIfAbsent(name + "/cpu", k -> new ArrayList<>()).add(measure.cpuMicrosPerOperation());
        figures.computeIfAbsent(name + "/alloc", k -> new ArrayList<>()).add(measure.bytesPerOperation());
    }

    private static Measure sendRate(Subject subject, int window, int count) throws Exception {
        return Measure.of(count, () -> {
            Semaphore inFlight = new Semaphore(window);
            CountDownLatch done = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                subject.send("bench", PAYLOAD).whenComplete((ok, error) -> {
                    if (error != null) {
                        System.err.println("send failed: " + error);
                    }
                    inFlight.release();
                    done.countDown();
                });
            }
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("sends did not complete");
            }
        });
    }

    private static Measure receiveRate(Subject subject) throws Exception {
        CountDownLatch received = new CountDownLatch(RECEIVED);
        subject.onMessage(text -> received.countDown());
        Measure measure = Measure.of(RECEIVED, () -> {
            subject.send("flood", Integer.toString(RECEIVED));
            if (!received.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the flood did not arrive: " + received.getCount() + " missing");
            }
        });
        subject.onMessage(text -> { });
        return measure;
    }

    /** Echo round trips at a steady rate: the time from the send to the echoed message's arrival. */
    private void latency(boolean counted, String name, Subject subject) throws Exception {
        long[] latencies = new long[ECHOES];
        AtomicInteger arrived = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(ECHOES);
        subject.onMessage(text -> {
            int i = arrived.getAndIncrement();
            if (i < ECHOES) {
                latencies[i] = System.nanoTime() - Long.parseLong(text);
                all.countDown();
            }
        });
        long interval = TimeUnit.SECONDS.toNanos(1) / ECHO_RATE;
        long next = System.nanoTime();
        for (int i = 0; i < ECHOES; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            subject.send("echo", Long.toString(System.nanoTime()));
            next += interval;
        }
        if (!all.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": echoes missing");
        }
        subject.onMessage(text -> { });
        if (counted) {
            figures.computeIfAbsent(name + "/p50", k -> new ArrayList<>()).add(Measure.percentile(latencies, 50) / 1e3);
            figures.computeIfAbsent(name + "/p99", k -> new ArrayList<>()).add(Measure.percentile(latencies, 99) / 1e3);
        }
    }

    /** The client against the emulator: what a user sees end to end, with no raw counterpart. */
    private void emulatorEndToEnd(int rounds) throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                WebPubSubClient sender = WebPubSubClient.create(Clients.options(emulator, "bench-sender"));
                // On receipt: a receiver that acknowledged only after processing would fall 1000 behind a sender with
                // 256 in flight and be closed as SlowClient (delivery-guarantees.md).
                WebPubSubClient receiver = WebPubSubClient.create(Clients.options(emulator, "bench-receiver")
                        .setAckMode(io.github.webpubsub.client.AckMode.ON_RECEIPT))) {
            AtomicLong count = new AtomicLong();
            receiver.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage) {
                    count.incrementAndGet();
                }
            });
            sender.start().get(30, TimeUnit.SECONDS);
            receiver.start().get(30, TimeUnit.SECONDS);
            receiver.joinGroup("e2e").get(30, TimeUnit.SECONDS);
            ClientSubject senderSubject = new ClientSubject(sender);
            for (int round = 0; round < rounds; round++) {
                long before = count.get();
                Measure sends = sendRate(new Subject() {
                    @Override
                    public CompletableFuture<?> send(String group, String text) {
                        return senderSubject.send("e2e", text);
                    }

                    @Override
                    public void onMessage(java.util.function.Consumer<String> handler) {
                    }
                }, 256, 30_000);
                long target = before + 30_000;
                long start = System.nanoTime();
                while (count.get() < target && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                record(round > 0 || rounds == 1, "emulator/256", sends);
            }
        }
    }

    /**
     * A listener that takes a millisecond per message behind a sender that does not slow down, through the emulator
     * (which keeps at most 1000 unacknowledged messages per connection): the heap after a GC, once a second, must
     * level off at what the client's bounds allow instead of growing with the backlog.
     */
    private void heapBehindASlowRoute() throws Exception {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                WebPubSubClient sender = WebPubSubClient.create(Clients.options(emulator, "slow-sender"));
                WebPubSubClient receiver = WebPubSubClient.create(Clients.options(emulator, "slow-receiver")
                        .setAckMode(io.github.webpubsub.client.AckMode.ON_RECEIPT).setReceiveBufferMessages(5_000))) {
            receiver.addListener(event -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)));
            sender.start().get(30, TimeUnit.SECONDS);
            receiver.start().get(30, TimeUnit.SECONDS);
            receiver.joinGroup("slow").get(30, TimeUnit.SECONDS);
            java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
            Semaphore inFlight = new Semaphore(64);
            Thread publisher = new Thread(() -> {
                while (sending.get()) {
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        return;
                    }
                    sender.sendToGroup("slow", MessageData.text(PAYLOAD)).whenComplete((ok, e) -> inFlight.release());
                }
            });
            publisher.start();
            List<Long> heap = new ArrayList<>();
            for (int second = 0; second < 15; second++) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                System.gc();
                heap.add(memory.getHeapMemoryUsage().getUsed() / (1024 * 1024));
            }
            sending.set(false);
            publisher.join(10_000);
            heapAfterGc = heap;
            lagAtEnd = receiver.statistics().receiveLag();
        }
    }

    private List<Long> heapAfterGc = List.of();
    private long lagAtEnd;

    private void report() throws Exception {
        System.out.println();
        System.out.printf("Machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.println("Medians over rounds; ratios to raw Vert.x + Jackson in the same run.");
        System.out.println();
        System.out.println("| figure | raw Vert.x + Jackson | our client | Camel endpoint |");
        System.out.println("|---|---|---|---|");
        for (int window : new int[] {1, 16, 256}) {
            double raw = m("sends/" + window + "/raw/rate");
            System.out.printf("| acked sends/s, %d in flight | %,.0f | %s | %s; %s from a route |%n", window, raw,
                    withRatio(m("sends/" + window + "/client/rate"), raw, "%,.0f"),
                    withRatio(m("sends/" + window + "/template/rate"), raw, "%,.0f"),
                    withRatio(m("sends/" + window + "/route/rate"), raw, "%,.0f"));
        }
        double rawReceived = m("received/raw/rate");
        System.out.printf("| received msg/s | %,.0f | %s | %s |%n", rawReceived,
                withRatio(m("received/client/rate"), rawReceived, "%,.0f"),
                withRatio(m("received/camel/rate"), rawReceived, "%,.0f"));
        double rawCpuReceive = m("received/raw/cpu");
        System.out.printf("| CPU per received message | %.1f us | %s | %s |%n", rawCpuReceive,
                withRatio(m("received/client/cpu"), rawCpuReceive, "%.1f us"),
                withRatio(m("received/camel/cpu"), rawCpuReceive, "%.1f us"));
        double rawCpuSend = m("sends/256/raw/cpu");
        System.out.printf("| CPU per acked send, 256 in flight | %.1f us | %s | %s; %s from a route |%n", rawCpuSend,
                withRatio(m("sends/256/client/cpu"), rawCpuSend, "%.1f us"),
                withRatio(m("sends/256/template/cpu"), rawCpuSend, "%.1f us"),
                withRatio(m("sends/256/route/cpu"), rawCpuSend, "%.1f us"));
        System.out.printf("| allocated per received message | %,.0f B | %s | %s |%n", m("received/raw/alloc"),
                withRatio(m("received/client/alloc"), m("received/raw/alloc"), "%,.0f B"),
                withRatio(m("received/camel/alloc"), m("received/raw/alloc"), "%,.0f B"));
        System.out.printf("| allocated per acked send, 256 in flight | %,.0f B | %s | %s |%n", m("sends/256/raw/alloc"),
                withRatio(m("sends/256/client/alloc"), m("sends/256/raw/alloc"), "%,.0f B"),
                withRatio(m("sends/256/template/alloc"), m("sends/256/raw/alloc"), "%,.0f B"));
        System.out.printf("| echo latency p50 / p99 at %,d msg/s | %.0f us / %.0f us | %.0f us / %.0f us (%.2f) |"
                + " %.0f us / %.0f us (%.2f) |%n", ECHO_RATE, m("echo/raw/p50"), m("echo/raw/p99"),
                m("echo/client/p50"), m("echo/client/p99"), m("echo/client/p99") / m("echo/raw/p99"),
                m("echo/camel/p50"), m("echo/camel/p99"), m("echo/camel/p99") / m("echo/raw/p99"));
        System.out.printf("%nThe emulator end to end (client to emulator to client): %,.0f acked sends/s with 256 in"
                + " flight, %.1f us CPU per send and delivery (both clients and the emulator share this JVM)%n",
                m("emulator/256/rate"), m("emulator/256/cpu"));
        System.out.printf("Heap after GC behind a listener taking 1 ms a message (on receipt with a 5,000-message"
                + " buffer, through the emulator), MB"
                + " each second: %s; receive lag at the end %,d messages%n", heapAfterGc, lagAtEnd);
        System.out.println();
        System.out.println("Throughput against messages in flight (acked sends/s):");
        for (int window : WINDOWS) {
            System.out.printf("  %3d in flight: raw %,9.0f   client %,9.0f (%.2f)%n", window,
                    m("sends/" + window + "/raw/rate"), m("sends/" + window + "/client/rate"),
                    m("sends/" + window + "/client/rate") / m("sends/" + window + "/raw/rate"));
        }
        Path svg = Path.of("target/bench/throughput.svg");
        Files.createDirectories(svg.getParent());
        Files.writeString(svg, ThroughputPlot.svg(WINDOWS, series("raw"), series("client")));
        System.out.println("Plot: " + svg.toAbsolutePath());
    }

    private double[] series(String subject) {
        double[] values = new double[WINDOWS.length];
        for (int i = 0; i < WINDOWS.length; i++) {
            values[i] = m("sends/" + WINDOWS[i] + "/" + subject + "/rate");
        }
        return values;
    }

    private double m(String name) {
        List<Double> values = figures.get(name);
        return values == null ? Double.NaN : Measure.median(values);
    }

    private static String withRatio(double value, double raw, String format) {
        return String.format(format, value) + String.format(" (%.2f)", value / raw);
    }

    private static Process startService() throws Exception {
        String classPath = System.getProperty("java.class.path");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                MinimalService.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Subject rawSubject(RawJsonClient raw) {
        return new Subject() {
            @Override
            public CompletableFuture<?> send(String group, String text) {
                return raw.sendToGroup(group, text);
            }

            @Override
            public void onMessage(java.util.function.Consumer<String> handler) {
                raw.onMessage(handler);
            }
        };
    }

    /** Our client, with its defaults (acknowledgement after the listener returns). */
    static final class ClientSubject implements Subject {
        private final WebPubSubClient client;
        private final boolean owned;
        private volatile java.util.function.Consumer<String> messages = text -> { };

        ClientSubject(String url) throws Exception {
            this(WebPubSubClient.create(WebPubSubClientOptions.of(ClientAccessUrlProvider.fixed(url))), true);
            client.start().get(30, TimeUnit.SECONDS);
        }

        ClientSubject(WebPubSubClient client) {
            this(client, false);
        }

        private ClientSubject(WebPubSubClient client, boolean owned) {
            this.client = client;
            this.owned = owned;
            client.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage message) {
                    messages.accept(message.data().asText());
                }
            });
        }

        @Override
        public CompletableFuture<?> send(String group, String text) {
            return client.sendToGroup(group, MessageData.text(text));
        }

        @Override
        public void onMessage(java.util.function.Consumer<String> handler) {
            messages = handler;
        }

        @Override
        public void close() {
            if (owned) {
                client.close();
            }
        }
    }

    /**
     * The component: sends through a ProducerTemplate or from a route's own consumers, receives in a route. Every
     * endpoint has the same connection options, so all share one connection.
     */
    static final class CamelSubject implements Subject {
        private final CamelContext context = new DefaultCamelContext();
        private final ProducerTemplate template;
        private volatile java.util.function.Consumer<String> messages = text -> { };

        CamelSubject(String url) throws Exception {
            WebPubSubComponent component = new WebPubSubComponent();
            component.getConfiguration().setClientAccessUrl(url);
            context.addComponent("webpubsub", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webpubsub:flood").routeId("flood").process(e -> messages.accept(e.getMessage().getBody(String.class)));
                    from("webpubsub:echo").routeId("echo").process(e -> messages.accept(e.getMessage().getBody(String.class)));
                    // The producer in the middle of a route, fed as a JMS or Kafka consumer with that many concurrent
                    // exchanges feeds it: each caller thread waits for its exchange, so exactly that many are in flight.
                    from("direct:bench-route").routeId("route").to("webpubsub:bench");
                }
            });
            context.start();
            template = context.createProducerTemplate();
            // Both consumers joined: a message to their groups reaches them from here on.
            template.requestBody("webpubsub:bench", PAYLOAD);
        }

        @Override
        public CompletableFuture<?> send(String group, String text) {
            return template.asyncSendBody("webpubsub:" + group, text);
        }

        /** {@code window} threads, each sending its share through the route and waiting for each exchange. */
        void sendFromRoute(int window, int count) throws Exception {
            List<Thread> callers = new ArrayList<>();
            AtomicInteger left = new AtomicInteger(count);
            for (int i = 0; i < window; i++) {
                Thread caller = new Thread(() -> {
                    while (left.getAndDecrement() > 0) {
                        template.requestBody("direct:bench-route", PAYLOAD);
                    }
                }, "upstream-consumer-" + i);
                callers.add(caller);
                caller.start();
            }
            for (Thread caller : callers) {
                caller.join(TimeUnit.SECONDS.toMillis(120));
            }
        }

        @Override
        public void onMessage(java.util.function.Consumer<String> handler) {
            messages = handler;
        }

        @Override
        public void close() throws Exception {
            context.close();
        }
    }
}
