package io.github.webpubsub.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.hub.ConnectionObserver;
import io.github.webpubsub.emulator.protocol.Payload;
import io.github.webpubsub.emulator.upstream.UpstreamClient;
import io.github.webpubsub.emulator.upstream.HandlerReply;
import io.github.webpubsub.emulator.ws.UserEventSink;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Tells the Java listeners, and the upstream event handler when there is one, what the app server would be told. */
final class EventBroadcaster implements ConnectionObserver, UserEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventBroadcaster.class);
    /** How many user events {@link WebPubSubEmulator#userEvents()} keeps. */
    private static final int KEPT_EVENTS = 10_000;

    private final List<EmulatorListener> listeners = new CopyOnWriteArrayList<>();
    private final List<UserEvent> userEvents = new CopyOnWriteArrayList<>();
    private final ExecutorService listenerThread;
    private final UpstreamClient upstream;

    EventBroadcaster(ExecutorService listenerThread, UpstreamClient upstream) {
        this.listenerThread = listenerThread;
        this.upstream = upstream;
    }

    void addListener(EmulatorListener listener) {
        listeners.add(listener);
    }

    List<UserEvent> userEvents() {
        return List.copyOf(userEvents);
    }

    @Override
    public void connected(ClientConnection connection) {
        ConnectionInfo info = ConnectionInfo.of(connection);
        notifyListeners(l -> l.onConnected(info));
        if (upstream != null) {
            upstream.systemEvent(connection, "connected", new JsonObject())
                    .onFailure(e -> LOG.warn("The event handler failed the connected event: {}", e.getMessage()));
        }
    }

    @Override
    public void disconnected(ClientConnection connection, String reason) {
        ConnectionInfo info = ConnectionInfo.of(connection);
        notifyListeners(l -> l.onDisconnected(info, reason));
        if (upstream != null) {
            upstream.systemEvent(connection, "disconnected", new JsonObject().put("reason", reason))
                    .onFailure(e -> LOG.warn("The event handler failed the disconnected event: {}", e.getMessage()));
        }
    }

    @Override
    public Future<Payload> dispatch(ClientConnection connection, String event, Payload payload) {
        record(connection, event, payload.dataType().wireName(), payload.asText());
        return upstream == null ? Future.succeededFuture() : upstream.userEvent(connection, event, payload);
    }

    @Override
    public Future<HandlerReply> invoke(ClientConnection connection, String event, Payload payload) {
        record(connection, event, payload == null ? "text" : payload.dataType().wireName(),
                payload == null ? "" : payload.asText());
        return upstream == null ? Future.succeededFuture() : upstream.invoke(connection, event, payload);
    }

    private void record(ClientConnection connection, String event, String dataType, String data) {
        UserEvent userEvent = new UserEvent(connection.hub().name(), connection.id(), connection.userId(), event,
                dataType, data);
        if (userEvents.size() >= KEPT_EVENTS) {
            userEvents.remove(0);
        }
        userEvents.add(userEvent);
        notifyListeners(l -> l.onUserEvent(userEvent));
    }

    private void notifyListeners(Consumer<EmulatorListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        listenerThread.execute(() -> listeners.forEach(l -> {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("An emulator listener failed", e);
            }
        }));
    }
}
