package io.github.webpubsub.client.internal.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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
     * Delivers an event, then runs {@code handled} once every listener is done with it: on the delivery thread when
     * they all returned at once, or on whichever thread completes the last asynchronous one. It must be quick.
     */
    public void emit(WebPubSubEvent event, Runnable handled) {
        serial.execute(() -> {
            CompletableFuture<?> pending = null;
            for (WebPubSubListener listener : listeners) {
                CompletableFuture<Void> done;
                try {
                    done = listener.onEventAsync(event).toCompletableFuture();
                } catch (RuntimeException e) {
                    LOG.warn("Listener {} threw on {}; delivery goes on", listener, event.getClass().getSimpleName(), e);
                    continue;
                }
                if (!done.isDone()) {
                    pending = pending == null ? done : CompletableFuture.allOf(pending, done);
                }
            }
            if (pending == null) {
                handled.run();
            } else {
                pending.whenComplete((ok, error) -> handled.run());
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
