package io.github.webpubsub.camel;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;

/**
 * UP while the connection is connected; DOWN with the state and the last close reason otherwise. Its details carry the
 * receive lag against the service's limit; the warning as the lag nears that limit is the client's own, whether or
 * not anything calls this check.
 */
final class WebPubSubHealthCheck extends AbstractHealthCheck {

    private final Supplier<WebPubSubClient> client;

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
}
