package io.github.webpubsub.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Receives a client's events, one at a time and in the order they happened, on the client's delivery executor
 * (never an event loop). A listener that takes long slows the client's deliveries instead of queueing without bound.
 * An exception thrown by a listener is logged and does not stop delivery.
 * <p>
 * A message counts as handled, and with {@link AckMode#AFTER_PROCESSING} is acknowledged to a reliable service, once
 * every listener is done with it: when {@link #onEvent} returns, or, for a listener that overrides
 * {@link #onEventAsync}, when the stage it returned completes. An asynchronous listener lets the next event come at
 * once and finishes the message later, for processing in parallel; the client still acknowledges in order, up to the
 * oldest message not yet finished.
 */
@FunctionalInterface
public interface WebPubSubListener {

    /** One event; see {@link WebPubSubEvent} for the kinds. */
    void onEvent(WebPubSubEvent event);

    /**
     * One event, handled asynchronously: the returned stage completes when the listener is done with it (normally
     * or not: a failure is the listener's to report). By default, {@link #onEvent} and a completed stage.
     */
    default CompletionStage<Void> onEventAsync(WebPubSubEvent event) {
        onEvent(event);
        return CompletableFuture.completedFuture(null);
    }
}
