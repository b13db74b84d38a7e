package io.github.webpubsub.client;

/**
 * When a message received on a reliable protocol is acknowledged to the service. Until then the service keeps it,
 * and resends it after a recovery; it keeps at most 1000 unacknowledged messages (or 16 MB) per connection and closes
 * the connection for good beyond that.
 */
public enum AckMode {
    /**
     * Once every listener has returned from it. Nothing is acknowledged that the application has not handled: a
     * message still in the client when the process dies is still at the service. A listener that falls 1000 messages
     * behind its publishers gets the connection closed (SlowClient), and that is reported at once. The default: what a
     * bridge to Kafka or JMS needs, since the message leaves the service only once it is in the broker.
     */
    AFTER_PROCESSING,
    /**
     * As soon as it is in the client's receive buffer, while the buffer has room (see
     * {@link WebPubSubClientOptions#getReceiveBufferMessages()} and
     * {@link WebPubSubClientOptions#getReceiveBufferBytes()}); beyond that, once handled. Absorbs bursts far larger
     * than the service's 1000-message limit, at the price of losing what is in the buffer if the process dies. What
     * Microsoft's SDKs do, with an unbounded buffer.
     */
    ON_RECEIPT
}
