package io.github.webpubsub.camel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Micrometer meters for each shared connection, in one {@link MeterRegistry}: counters and gauges read from the
 * connection's statistics, and the producers' sends and ack latencies. A connection's meters are registered once,
 * when it opens, and all removed when it closes. Micrometer is an optional dependency: this class is loaded only
 * when it is on the class path.
 */
final class WebPubSubMetrics {

    /** The name camel-micrometer gives its registry; a bean of that name is chosen as camel-micrometer chooses it. */
    static final String CAMEL_MICROMETER_REGISTRY_NAME = "metricsRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(WebPubSubMetrics.class);

    private final MeterRegistry registry;
    private final Map<SharedConnection, ConnectionMeters> meters = new ConcurrentHashMap<>();

    private WebPubSubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The metrics of a component: in the configured registry, or else the one camel-micrometer would use, or none.
     * Call only with Micrometer on the class path, and once per component: it logs why there are none.
     */
    static WebPubSubMetrics lookup(CamelContext context, MeterRegistry configured) {
        MeterRegistry registry = configured != null ? configured : find(context.getRegistry());
        return registry == null ? null : new WebPubSubMetrics(registry);
    }

    /**
     * As camel-micrometer looks its registry up: the bean named metricsRegistry (a composite one first), else the only
     * CompositeMeterRegistry (Spring Boot's, over several registries), else the only MeterRegistry.
     */
    private static MeterRegistry find(Registry beans) {
        MeterRegistry named = beans.lookupByNameAndType(CAMEL_MICROMETER_REGISTRY_NAME, CompositeMeterRegistry.class);
        if (named == null) {
            named = beans.lookupByNameAndType(CAMEL_MICROMETER_REGISTRY_NAME, MeterRegistry.class);
        }
        if (named != null) {
            return named;
        }
        Map<String, CompositeMeterRegistry> composites = beans.findByTypeWithName(CompositeMeterRegistry.class);
        if (composites.size() == 1) {
            return composites.values().iterator().next();
        }
        Map<String, MeterRegistry> all = beans.findByTypeWithName(MeterRegistry.class);
        if (all.size() == 1) {
            return all.values().iterator().next();
        }
        if (all.isEmpty()) {
            LOG.debug("No MeterRegistry in the registry: the webpubsub component registers no meters");
        } else {
            // Picking one at random would hide the meters from whoever looks in the other registries.
            LOG.info("The registry holds {} MeterRegistry beans {} and no single CompositeMeterRegistry or bean named {}:"
                    + " the webpubsub component registers no meters. Set its option meterRegistry to the one to use.",
                    all.size(), all.keySet(), CAMEL_MICROMETER_REGISTRY_NAME);
        }
        return null;
    }

    /** The registry the meters are in. */
    MeterRegistry registry() {
        return registry;
    }

    /**
     * Registers a new connection's meters. Two open connections of the same hub and user (other options) must not
     * share meters, nor remove each other's: the second is tagged hub/user#2, and so on.
     */
    synchronized void bind(SharedConnection connection) {
        if (meters.containsKey(connection)) {
            return;
        }
        String tag = connection.name();
        for (int n = 2; tagTaken(tag); n++) {
            tag = connection.name() + "#" + n;
        }
        meters.put(connection, new ConnectionMeters(registry, connection, tag));
    }

    private boolean tagTaken(String tag) {
        return meters.values().stream().anyMatch(m -> m.tag().equals(tag));
    }

    /** Removes a closed connection's meters, every one of them. */
    synchronized void unbind(SharedConnection connection) {
        ConnectionMeters removed = meters.remove(connection);
        if (removed != null) {
            removed.remove();
        }
    }

    /**
     * Counts one completed send of a connection, with its ack latency unless it was fire-and-forget. A send that
     * completes after its connection closed is not counted: its meters are gone.
     *
     * @param ackLatency from the send to the service's ack, or {@code null} for a fire-and-forget send
     * @param failure    why it failed, or {@code null}
     */
    void sendCompleted(SharedConnection connection, Duration ackLatency, Throwable failure) {
        ConnectionMeters connectionMeters = meters.get(connection);
        if (connectionMeters != null) {
            connectionMeters.sendCompleted(ackLatency, failure);
        }
    }
}
