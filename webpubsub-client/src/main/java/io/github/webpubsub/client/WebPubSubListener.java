package io.github.webpubsub.client;

/**
 * Receives a client's events, one at a time and in the order they happened, on the client's delivery executor
 * (never an event loop). A listener that takes long slows reading from the socket instead of queueing without bound.
 * An exception thrown by a listener is logged and does not stop delivery; a message counts as handled once every
 * listener has returned, and only then is it acknowledged to a reliable service.
 */
@FunctionalInterface
public interface WebPubSubListener {

    /** One event; see {@link WebPubSubEvent} for the kinds. */
    void onEvent(WebPubSubEvent event);
}
