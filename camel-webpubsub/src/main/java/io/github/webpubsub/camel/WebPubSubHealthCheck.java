package io.github.webpubsub.camel;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;

/** UP while the connection is connected; DOWN with the state and the last close reason otherwise. */
final class WebPubSubHealthCheck extends AbstractHealthCheck {

    private final Supplier<WebPubSubClient> client;

    /** Past this share of the service's limit, the lag is worth a warning: the connection is close to SlowClient. */
    private static final double LAG_WARNING = 0.8;
    private static final Logger LOG = LoggerFactory.getLogger(WebPubSubHealthCheck.class);

    private boolean lagWarned;

    WebPubSubHealthCheck(String id, Supplier<WebPubSubClient> client) {
        super("camel", id);
        this.client = client;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        WebPubSubClient current = client.get();
        if (current == null) {
            builder.down().message("Not started");
            return;
        }
        ClientStatistics statistics = current.statistics();
        ClientState state = statistics.state();
        builder.detail("state", state.name());
        builder.detail("receiveLag", statistics.receiveLag());
        builder.detail("receiveLagLimit", WebPubSubClientOptions.SERVICE_UNACKED_LIMIT);
        warnOnLag(statistics.receiveLag());
        if (current.connectionId() != null) {
            builder.detail("connectionId", current.connectionId());
        }
        String lastProblem = current.lastProblem();
        if (lastProblem != null) {
            // Kept after a recovery or a new connection, so that a SlowClient close a moment ago still shows.
            builder.detail("lastProblem", lastProblem);
        }
        if (state == ClientState.CONNECTED) {
            builder.up();
        } else {
            String problem = current.lastProblem();
            builder.down().message("Not connected (" + state + ")" + (problem == null ? "" : ": " + problem));
        }
    }

    /** Warns once when the receive lag passes 80% of the service's limit, and once more after it fell back. */
    private synchronized void warnOnLag(long lag) {
        long threshold = (long) (WebPubSubClientOptions.SERVICE_UNACKED_LIMIT * LAG_WARNING);
        if (lag >= threshold && !lagWarned) {
            lagWarned = true;
            LOG.warn("{}: {} received messages are not acknowledged yet, of the {} the service holds before it closes"
                    + " the connection as SlowClient; the routes are falling behind", getId(), lag,
                    WebPubSubClientOptions.SERVICE_UNACKED_LIMIT);
        } else if (lag < threshold / 2 && lagWarned) {
            lagWarned = false;
            LOG.info("{}: the receive lag is back to {}", getId(), lag);
        }
    }
}
