package io.github.webpubsub.client;

/**
 * The states of a {@link WebPubSubClient}. Every change is logged at INFO.
 *
 * <pre>
 * STOPPED --start--&gt; CONNECTING --connected--&gt; CONNECTED --drop (reliable)--&gt; RECOVERING --recovered--&gt; CONNECTED
 *                        |                          |                                |
 *                        +--failed--&gt; RECONNECTING &lt;-+--1008, json protocol----------+--window over
 * any state --stop--&gt; STOPPING --socket closed--&gt; STOPPED
 * </pre>
 */
public enum ClientState {
    /** Not started, or stopped: no socket, sends fail. */
    STOPPED,
    /** Opening the first connection after {@link WebPubSubClient#start()}. */
    CONNECTING,
    /** Connected: the service sent {@code connected}. */
    CONNECTED,
    /** The socket dropped; reopening the same connection (same id, groups and buffered messages) within the window. */
    RECOVERING,
    /** The connection is gone; opening a new one after a backoff, then joining the groups again. */
    RECONNECTING,
    /** Closing the socket after {@link WebPubSubClient#stop()}. */
    STOPPING
}
