package io.github.webpubsub.client;

/** What a client does when another live client holds its {@link ConnectionStateStore}'s lock. */
public enum StateLockMode {
    /** Wait, checking every recovery delay, until the lock is free; then take the stored connection. */
    WAIT,
    /** Open a connection of its own at once, without the stored state, and keep none for it. */
    NEW_CONNECTION
}
