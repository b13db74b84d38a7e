package io.github.webpubsub.camel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubClientOptions;

/**
 * Warns in the log when a connection's receive lag (messages received and not yet acknowledged) passes 80% of the
 * service's limit, past which the service closes the connection as SlowClient: once per crossing, and once more only
 * after the lag fell back below half the limit. The client tells it the lag on its event loop as the lag changes, so
 * the warning comes while a route is stuck on a message, and whether or not anything polls the health check.
 */
final class ReceiveLagWarning {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLagWarning.class);

    /** 80% of the service's limit: the connection is close to SlowClient. */
    static final long WARN_AT = WebPubSubClientOptions.SERVICE_UNACKED_LIMIT * 8L / 10;
    /** Half the limit: the routes have caught up enough for a next crossing to be news again. */
    static final long REARM_BELOW = WebPubSubClientOptions.SERVICE_UNACKED_LIMIT / 2;

    private final String connection;
    /** Written on the client's event loop only; volatile for whoever reads it elsewhere. */
    private volatile boolean warned;

    /** A warning for the connection of that name (hub and user, never a secret). */
    ReceiveLagWarning(String connection) {
        this.connection = connection;
    }

    /** The lag changed; must return at once, as it runs on the client's event loop. */
    void observe(long lag) {
        if (!warned && lag >= WARN_AT) {
            warned = true;
            LOG.warn("Web PubSub connection {}: {} received messages are not acknowledged yet, of the {} the service"
                    + " holds before it closes the connection as SlowClient; its routes are falling behind", connection,
                    lag, WebPubSubClientOptions.SERVICE_UNACKED_LIMIT);
        } else if (warned && lag < REARM_BELOW) {
            warned = false;
            LOG.info("Web PubSub connection {}: the receive lag is back to {}", connection, lag);
        }
    }
}
