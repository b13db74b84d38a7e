package io.github.webpubsub.client.event;

/**
 * Receives a client's events, one at a time and in the order they happened, on a worker thread (never the event
 * loop). A listener that takes long slows reading from the socket instead of queueing without bound. An exception
 * thrown by a listener is logged and does not stop delivery; a message counts as delivered once its listener
 * returns, and only then is it acknowledged to a reliable service.
 */
public interface WebPubSubListener {

    /** A new connection is ready. */
    default void onConnected(ConnectedEvent event) {
    }

    /** A connection ended without recovery. */
    default void onDisconnected(DisconnectedEvent event) {
    }

    /** The client stopped. */
    default void onStopped(StoppedEvent event) {
    }

    /** A group message arrived. */
    default void onGroupMessage(GroupMessageEvent event) {
    }

    /** A server message arrived. */
    default void onServerMessage(ServerMessageEvent event) {
    }

    /** A group could not be joined again on a new connection. */
    default void onRejoinGroupFailed(RejoinGroupFailedEvent event) {
    }
}
