package io.github.webpubsub.emulator;

/**
 * Hears what the app server of a real service would hear. Called in order on one thread of the emulator's own (never
 * its event loop), so a slow listener delays other listeners but never the clients.
 */
public interface EmulatorListener {

    /** A new client connection (not a recovery of an existing one). */
    default void onConnected(ConnectionInfo connection) {
    }

    /** A connection ended for good: closed, or not recovered in time. */
    default void onDisconnected(ConnectionInfo connection, String reason) {
    }

    /** A client sent an {@code event}. */
    default void onUserEvent(UserEvent event) {
    }
}
