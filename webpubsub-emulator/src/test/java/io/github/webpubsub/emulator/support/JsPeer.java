package io.github.webpubsub.emulator.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.vertx.core.json.JsonObject;

/**
 * Microsoft's official JS client and service SDK in a Node process, driven line by line through
 * {@code src/test/node/awps-peer.mjs}.
 */
public final class JsPeer implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private JsPeer(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLoop, "js-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static JsPeer start() {
        Path dir = Path.of(System.getProperty("webpubsub.jsPeersDir", "src/test/node"));
        if (!Files.isDirectory(dir.resolve("node_modules/@azure/web-pubsub-client"))) {
            throw new IllegalStateException("The JS peers are not installed: run 'npm ci' in " + dir.toAbsolutePath());
        }
        try {
            Process process = new ProcessBuilder("node", "awps-peer.mjs").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            JsPeer peer = new JsPeer(process);
            peer.ready.get(30, TimeUnit.SECONDS);
            return peer;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not start node awps-peer.mjs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readLoop() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonObject json;
                try {
                    json = new JsonObject(line);
                } catch (RuntimeException e) {
                    continue;
                }
                if (json.containsKey("id") && json.getValue("id") != null) {
                    CompletableFuture<JsonObject> f = pending.remove(json.getInteger("id"));
                    if (f != null) {
                        f.complete(json);
                    }
                } else if ("ready".equals(json.getString("event"))) {
                    ready.complete(null);
                } else {
                    events.add(json);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Sends a command and waits for its answer: {@code ok} and {@code result}, or {@code error}. */
    public JsonObject call(String op, JsonObject args) {
        return call(op, args, Duration.ofSeconds(30));
    }

    public JsonObject call(String op, JsonObject args, Duration timeout) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        JsonObject command = args.copy().put("id", id).put("op", op);
        try {
            synchronized (stdin) {
                stdin.write(command.encode() + "\n");
                stdin.flush();
            }
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("JS peer did not answer " + op, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #call}, failing unless the call succeeded; returns its result. */
    public Object ok(String op, JsonObject args) {
        JsonObject answer = call(op, args);
        if (!answer.getBoolean("ok")) {
            throw new AssertionError(op + " failed: " + answer.encode());
        }
        return answer.getValue("result");
    }

    /** Every event the peer reported so far, in order. */
    public List<JsonObject> events() {
        return List.copyOf(events);
    }

    public List<JsonObject> events(String client, String event) {
        return events.stream().filter(e -> client.equals(e.getString("client")) && event.equals(e.getString("event"))).toList();
    }

    /** Waits for an event that matches, and returns the first such. */
    public JsonObject await(Predicate<JsonObject> match) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch(match));
        return events.stream().filter(match).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        try {
            synchronized (stdin) {
                stdin.write(new JsonObject().put("id", 0).put("op", "exit").encode() + "\n");
                stdin.flush();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
