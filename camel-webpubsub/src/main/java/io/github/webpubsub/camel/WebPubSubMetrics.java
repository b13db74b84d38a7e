package io.github.webpubsub.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import org.apache.camel.CamelContext;

import io.github.webpubsub.client.ClientStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters for each shared connection, when the application has a {@link MeterRegistry} in Camel's
 * registry: counters and gauges read from the connection's statistics, and a timer of ack latency recorded by the
 * producers. Tagged {@code connection} (hub/user). Micrometer is an optional dependency: this class is loaded only
 * when it is on the class path.
 */
final class WebPubSubMetrics {

    private final MeterRegistry registry;
    private final Map<SharedConnection, List<Meter>> meters = new ConcurrentHashMap<>();

    private WebPubSubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The metrics of a context, or none without a registry bean. Call only with Micrometer on the class path. */
    static WebPubSubMetrics lookup(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        return registry == null ? null : new WebPubSubMetrics(registry);
    }

    /** Registers a new connection's meters. */
    void bind(SharedConnection connection) {
        Tags tags = Tags.of("connection", connection.name());
        List<Meter> list = new ArrayList<>();
        counter(list, connection, tags, "webpubsub.messages.received", "Messages handed to the routes",
                ClientStatistics::messagesReceived);
        counter(list, connection, tags, "webpubsub.messages.malformed", "Frames from the service that were not valid",
                ClientStatistics::malformedMessages);
        counter(list, connection, tags, "webpubsub.sends.retries", "Requests sent again after a transient failure",
                ClientStatistics::sendRetries);
        counter(list, connection, tags, "webpubsub.sends.duplicates",
                "Requests the service answered with Duplicate", ClientStatistics::duplicates);
        counter(list, connection, tags, "webpubsub.connection.recoveries", "Dropped connections recovered",
                ClientStatistics::recoveries);
        counter(list, connection, tags, "webpubsub.connection.reconnections",
                "New connections after one ended for good", ClientStatistics::reconnections);
        gauge(list, connection, tags, "webpubsub.sends.in.flight", "Acked requests awaiting their ack",
                ClientStatistics::sendsInFlight);
        gauge(list, connection, tags, "webpubsub.sends.queued", "Requests waiting to be written",
                ClientStatistics::sendsQueued);
        gauge(list, connection, tags, "webpubsub.receive.lag",
                "Received messages not yet acknowledged, of the service's 1000", ClientStatistics::receiveLag);
        meters.put(connection, list);
    }

    /** Removes a closed connection's meters. */
    void unbind(SharedConnection connection) {
        List<Meter> list = meters.remove(connection);
        if (list != null) {
            list.forEach(registry::remove);
        }
    }

    /** Records how long the service took to ack one send of a connection. */
    void ackLatency(SharedConnection connection, Duration latency, boolean success) {
        Timer.builder("webpubsub.send.ack.latency").description("From a send to the service's ack")
                .tags("connection", connection.name(), "outcome", success ? "success" : "failure")
                .register(registry).record(latency);
    }

    private void counter(List<Meter> list, SharedConnection connection, Tags tags, String name, String description,
            ToDoubleFunction<ClientStatistics> value) {
        list.add(FunctionCounter.builder(name, connection, c -> value.applyAsDouble(c.client().statistics()))
                .description(description).tags(tags).register(registry));
    }

    private void gauge(List<Meter> list, SharedConnection connection, Tags tags, String name, String description,
            ToDoubleFunction<ClientStatistics> value) {
        list.add(Gauge.builder(name, connection, c -> value.applyAsDouble(c.client().statistics()))
                .description(description).tags(tags).register(registry));
    }
}
