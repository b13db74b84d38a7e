package io.github.webpubsub.client.bench.baseline;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * The baseline the client is measured against: a raw Vert.x WebSocket with Jackson's streaming parser and
 * generator doing the same socket work (acked sends under an ackId, sequenceAcks for what it received), and
 * nothing else: no retries, no recovery, no hand-off from the event loop, no back-pressure.
 */
public final class RawJsonClient implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int SEQUENCE_ACK_EVERY = 100;

    private final Vertx vertx;
    private final Context context;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<Void>> pending = new HashMap<>();
    private long nextAckId = 1;
    private long highestSequence;
    private long lastAcked;
    private volatile Consumer<String> messages = text -> { };

    private RawJsonClient(Vertx vertx, Context context, WebSocket socket) {
        this.vertx = vertx;
        this.context = context;
        this.socket = socket;
    }

    /** Connects to {@code ws://127.0.0.1:port/...} and waits for {@code connected}. */
    public static RawJsonClient connect(int port) throws Exception {
        Vertx vertx = Vertx.vertx();
        Context context = vertx.getOrCreateContext();
        CompletableFuture<RawJsonClient> connected = new CompletableFuture<>();
        context.runOnContext(v -> vertx.createWebSocketClient(new WebSocketClientOptions()
                        .setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(4 * 1024 * 1024))
                .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/client/hubs/bench?access_token=x")
                        .addSubProtocol("json.reliable.webpubsub.azure.v1"))
                .onFailure(connected::completeExceptionally)
                .onSuccess(socket -> {
                    RawJsonClient client = new RawJsonClient(vertx, context, socket);
                    socket.textMessageHandler(frame -> client.received(frame, connected));
                }));
        return connected.get(30, TimeUnit.SECONDS);
    }

    /** Where received group messages' text goes, on the event loop. */
    public void onMessage(Consumer<String> handler) {
        this.messages = handler;
    }

    /** Publishes to a group; completes on the service's ack. Any thread. */
    public CompletableFuture<Void> sendToGroup(String group, String text) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        context.runOnContext(v -> {
            long ackId = nextAckId++;
            pending.put(ackId, acked);
            socket.writeTextMessage(frame(group, text, ackId));
        });
        return acked;
    }

    private static String frame(String group, String text, long ackId) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "sendToGroup");
            json.writeStringField("group", group);
            json.writeNumberField("ackId", ackId);
            json.writeStringField("dataType", "text");
            json.writeStringField("data", text);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private void received(String frame, CompletableFuture<RawJsonClient> connected) {
        String type = null;
        String event = null;
        String data = null;
        long ackId = -1;
        long sequenceId = -1;
        try (JsonParser json = JSON.createParser(frame)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "type" -> type = json.getText();
                    case "event" -> event = json.getText();
                    case "data" -> data = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    case "ackId" -> ackId = json.getLongValue();
                    case "sequenceId" -> sequenceId = json.getLongValue();
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if ("ack".equals(type)) {
            CompletableFuture<Void> acked = pending.remove(ackId);
            if (acked != null) {
                acked.complete(null);
            }
        } else if ("message".equals(type)) {
            highestSequence = Math.max(highestSequence, sequenceId);
            if (highestSequence - lastAcked >= SEQUENCE_ACK_EVERY) {
                lastAcked = highestSequence;
                socket.writeTextMessage("{\"type\":\"sequenceAck\",\"sequenceId\":" + lastAcked + "}");
            }
            messages.accept(data);
        } else if ("system".equals(type) && "connected".equals(event)) {
            connected.complete(this);
        }
    }

    @Override
    public void close() throws Exception {
        socket.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
