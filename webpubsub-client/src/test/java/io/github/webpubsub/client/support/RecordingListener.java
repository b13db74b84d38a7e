package io.github.webpubsub.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.webpubsub.client.event.ConnectedEvent;
import io.github.webpubsub.client.event.DisconnectedEvent;
import io.github.webpubsub.client.event.GroupMessageEvent;
import io.github.webpubsub.client.event.RejoinGroupFailedEvent;
import io.github.webpubsub.client.event.ServerMessageEvent;
import io.github.webpubsub.client.event.StoppedEvent;
import io.github.webpubsub.client.event.WebPubSubListener;

/** Keeps every event a client raises, in order, for assertions. */
public final class RecordingListener implements WebPubSubListener {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void onConnected(ConnectedEvent event) {
        events.add(event);
    }

    @Override
    public void onDisconnected(DisconnectedEvent event) {
        events.add(event);
    }

    @Override
    public void onStopped(StoppedEvent event) {
        events.add(event);
    }

    @Override
    public void onGroupMessage(GroupMessageEvent event) {
        events.add(event);
    }

    @Override
    public void onServerMessage(ServerMessageEvent event) {
        events.add(event);
    }

    @Override
    public void onRejoinGroupFailed(RejoinGroupFailedEvent event) {
        events.add(event);
    }

    /** Every event so far. */
    public List<Object> all() {
        return List.copyOf(events);
    }

    /** The events of one type so far. */
    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The group messages so far, as text. */
    public List<String> groupTexts() {
        return of(GroupMessageEvent.class).stream().map(event -> event.data().asText()).toList();
    }
}
