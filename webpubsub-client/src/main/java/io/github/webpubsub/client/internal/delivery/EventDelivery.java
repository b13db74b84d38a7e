package io.github.webpubsub.client.internal.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubListener;

/**
 * Hands one client's events to its listeners, one at a time and in order, on the client's own serial executor, and
 * says when the listeners are done with each. A leaf: it knows nothing of sockets or acks.
 */
public final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final Executor serial;
    private final List<WebPubSubListener> listeners = new CopyOnWriteArrayList<>();

    /** Delivers on a serial executor over {@code pool}. */
    public EventDelivery(Executor pool) {
        this.serial = new SerialExecutor(pool);
    }

    /** Adds a listener for every following event. */
    public void addListener(WebPubSubListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(WebPubSubListener listener) {
        listeners.remove(listener);
    }

    /** Delivers an event, in order with every other. */
    public void emit(WebPubSubEvent event) {
        serial.execute(() -> callListeners(event));
    }

    /**
     * Delivers an event, then runs {@code handled} on the delivery thread once every listener has returned. It must
     * be quick: the next event waits for it.
     */
    public void emit(WebPubSubEvent event, Runnable handled) {
        serial.execute(() -> {
            try {
                callListeners(event);
            } finally {
                handled.run();
            }
        });
    }

    private void callListeners(WebPubSubEvent event) {
        for (WebPubSubListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} threw on {}; delivery goes on", listener, event.getClass().getSimpleName(), e);
            }
        }
    }
}
