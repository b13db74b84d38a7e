package io.github.webpubsub.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubListener;

/** Keeps every event a client raises, in order, for assertions. */
public final class RecordingListener implements WebPubSubListener {

    private final List<WebPubSubEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(WebPubSubEvent event) {
        events.add(event);
    }

    /** Every event so far. */
    public List<WebPubSubEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one type so far. */
    public <T extends WebPubSubEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The group messages so far, as text. */
    public List<String> groupTexts() {
        return of(WebPubSubEvent.GroupMessage.class).stream().map(event -> event.data().asText()).toList();
    }
}
