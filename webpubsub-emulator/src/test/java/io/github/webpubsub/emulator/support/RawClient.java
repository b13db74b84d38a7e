package io.github.webpubsub.emulator.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * A bare WebSocket for tests that must see or send exact frames (malformed ones included). It is not a Web PubSub
 * client: it neither acks, retries nor recovers unless the test does.
 */
public final class RawClient implements AutoCloseable {

    /** One Vert.x for every raw socket of the test JVM: created on first use, its threads end with the JVM. */
    private static final class SharedVertx {
        static final Vertx VERTX = Vertx.vertx();
        static final WebSocketClient CLIENT = VERTX.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(4 * 1024 * 1024));
    }

    private final WebSocket socket;
    private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    private volatile Short closeCode;
    private volatile String closeReason;
    private volatile boolean closed;

    private RawClient(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(text -> {
            texts.add(text);
            frames.add(new JsonObject(text));
        });
        if (socket.subProtocol() != null && socket.subProtocol().startsWith("protobuf.")) {
            // Only protobuf sockets collect binary frames: the JSON ones stay exactly as they always were.
            socket.binaryMessageHandler(bytes -> binaries.add(bytes.getBytes()));
        }
        socket.closeHandler(v -> {
            closeCode = socket.closeStatusCode();
            closeReason = socket.closeReason();
            closed = true;
        });
    }

    /** Connects to a {@code ws://} URL offering one subprotocol; fails with the HTTP status if refused. */
    public static RawClient connect(String url, String subprotocol) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(url);
        if (subprotocol != null) {
            options.addSubProtocol(subprotocol);
        }
        return connect(options);
    }

    /** Connects with full control of the handshake (headers, several subprotocols). */
    public static RawClient connect(WebSocketConnectOptions options) {
        try {
            // Connect from a context of the client's Vert.x: the socket then lives on that context's event loop, and
            // the completion (which sets the handlers) runs inside the upgrade, before the next bytes are read. From
            // the test's own thread the completion was posted to another loop turn, and a first frame that came in
            // the same TCP segment as the 101 (the emulator's relay often forwards them together) reached no
            // handler and was lost.
            CompletableFuture<RawClient> connected = new CompletableFuture<>();
            SharedVertx.VERTX.getOrCreateContext().runOnContext(v -> SharedVertx.CLIENT.connect(options)
                    .onSuccess(socket -> connected.complete(new RawClient(socket)))
                    .onFailure(connected::completeExceptionally));
            return connected.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    /** Connects expecting the handshake to be refused, and returns the refusal (status and body). */
    public static io.vertx.core.http.UpgradeRejectedException refusal(String url, String subprotocol) {
        try {
            connect(url, subprotocol).close();
        } catch (IllegalStateException e) {
            if (e.getCause() != null && e.getCause().getCause() instanceof io.vertx.core.http.UpgradeRejectedException r) {
                return r;
            }
            throw e;
        }
        throw new AssertionError("The handshake was accepted");
    }

    public static RawClient reliable(String url) {
        return connect(url, "json.reliable.webpubsub.azure.v1");
    }

    public String subprotocol() {
        return socket.subProtocol();
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    public void send(JsonObject frame) {
        send(frame.encode());
    }

    /** Sends a binary frame, such as a protobuf request. */
    public void send(io.vertx.core.buffer.Buffer bytes) {
        socket.writeBinaryMessage(bytes);
    }

    /** The binary frames as they arrived, on a protobuf subprotocol. */
    public List<byte[]> binaries() {
        return List.copyOf(binaries);
    }

    public List<JsonObject> frames() {
        return List.copyOf(frames);
    }

    /** The text frames exactly as they arrived. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    /** Waits for a frame that matches and returns the first such. */
    public JsonObject await(Predicate<JsonObject> match) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    /** The connected system message. */
    public JsonObject connected() {
        return await(f -> "system".equals(f.getString("type")) && "connected".equals(f.getString("event")));
    }

    public JsonObject ack(long ackId) {
        return await(f -> "ack".equals(f.getString("type")) && f.getLong("ackId") == ackId);
    }

    public List<JsonObject> messages() {
        return frames.stream().filter(f -> "message".equals(f.getString("type"))).toList();
    }

    public void awaitClosed() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> closed);
    }

    public boolean isClosed() {
        return closed;
    }

    public Short closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!closed) {
            socket.close();
        }
    }
}
