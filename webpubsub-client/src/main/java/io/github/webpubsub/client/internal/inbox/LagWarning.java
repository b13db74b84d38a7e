package io.github.webpubsub.client.internal.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubClientOptions;

/**
 * Warns in the log when the service holds 80% of its limit of unacknowledged messages for a connection, past which it
 * closes the connection as SlowClient: once per crossing, and once more only after the lag fell back below half the
 * limit. The inbox tells it every change of the lag on the event loop, so the warning comes while a listener is stuck
 * on a message (the lag climbs exactly then), without waiting for that listener or for anyone to ask. Event loop only.
 */
final class LagWarning {

    private static final Logger LOG = LoggerFactory.getLogger(LagWarning.class);

    /** 80% of the service's limit: the connection is close to SlowClient. */
    static final long WARN_AT = WebPubSubClientOptions.SERVICE_UNACKED_LIMIT * 8L / 10;
    /** Half the limit: the listeners have caught up enough for a next crossing to be news again. */
    static final long REARM_BELOW = WebPubSubClientOptions.SERVICE_UNACKED_LIMIT / 2;

    private boolean warned;

    /** The lag of connection {@code connectionId} is now {@code lag}. */
    void observe(long lag, String connectionId) {
        if (!warned && lag >= WARN_AT) {
            warned = true;
            LOG.warn("Connection {}: {} received messages are not acknowledged yet, of the {} the service holds before"
                    + " it closes the connection as SlowClient; its listeners are falling behind", connectionId, lag,
                    WebPubSubClientOptions.SERVICE_UNACKED_LIMIT);
        } else if (warned && lag < REARM_BELOW) {
            warned = false;
            LOG.info("Connection {}: the receive lag is back to {}", connectionId, lag);
        }
    }
}
