package io.github.webpubsub.camel.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.webpubsub.client.bench.baseline.MinimalService;

/**
 * One path of the client, over and over, for a profiler (JFR is in the JDK): {@code send} (acked sends, 256 in
 * flight) or {@code receive} (floods), against the minimal service. Run under
 * {@code -XX:StartFlightRecording=filename=client.jfr}; see docs/performance.md.
 */
public final class ProfileTarget {

    private ProfileTarget() {
    }

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "send";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), MinimalService.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().substring("port=".length()));
            try (PerformanceBenchmark.ClientSubject client = new PerformanceBenchmark.ClientSubject(
                    "ws://127.0.0.1:" + port + "/client/hubs/bench?access_token=x")) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                long operations = 0;
                while (System.nanoTime() < end) {
                    operations += path.equals("receive") ? receive(client) : send(client);
                }
                System.out.printf("%s: %,d operations in %d s%n", path, operations, seconds);
            }
        } finally {
            service.getOutputStream().close();
            service.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long send(Subject client) throws Exception {
        int count = 50_000;
        Semaphore inFlight = new Semaphore(256);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            client.send("bench", "x".repeat(100)).whenComplete((ok, e) -> {
                inFlight.release();
                done.countDown();
            });
        }
        done.await(120, TimeUnit.SECONDS);
        return count;
    }

    private static long receive(Subject client) throws Exception {
        int count = 100_000;
        CountDownLatch received = new CountDownLatch(count);
        client.onMessage(text -> received.countDown());
        client.send("flood", Integer.toString(count));
        received.await(120, TimeUnit.SECONDS);
        return count;
    }
}
