package io.github.webpubsub.emulator.hub;

/** Hears when connections begin and end for good (recoveries are invisible here, as to the app server). */
public interface ConnectionObserver {

    void connected(ClientConnection connection);

    void disconnected(ClientConnection connection, String reason);
}
