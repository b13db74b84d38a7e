package io.github.webpubsub.camel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;

import io.vertx.core.Vertx;

/**
 * The component's connections, one per distinct set of connection options. Consumers and producers acquire the
 * connection for their options and release it when they stop; the last release closes it.
 */
final class SharedConnections {

    private final WebPubSubComponent component;
    private final Map<ConnectionKey, SharedConnection> connections = new HashMap<>();
    private Vertx ownVertx;

    SharedConnections(WebPubSubComponent component) {
        this.component = component;
    }

    synchronized SharedConnection acquire(WebPubSubConfiguration configuration, CamelContext context) {
        SharedConnection connection = connections.computeIfAbsent(configuration.connectionKey(), key -> {
            // One delivery thread per connection, Camel-managed: routes on different connections never wait for
            // each other, and no route runs on a Vert.x thread.
            ExecutorService delivery = context.getExecutorServiceManager().newSingleThreadExecutor(this,
                    "WebPubSubConsumer[" + configuration.connectionName() + "]");
            try {
                return new SharedConnection(key, configuration.connectionName(),
                        ClientOptionsFactory.create(configuration, vertx(), context).setDeliveryExecutor(delivery)
                                // Producers continue on Camel's pool straight from the client: one hop, not two.
                                .setCompletionExecutor(component.completions()),
                        delivery, context, configuration.keepsConnectionState());
            } catch (RuntimeException e) {
                context.getExecutorServiceManager().shutdown(delivery);
                throw e;
            }
        });
        if (connection.references() == 0 && component.metrics() != null) {
            component.metrics().bind(connection);
        }
        connection.retain();
        return connection;
    }

    /** The connections open now, for consoles and metrics. */
    synchronized List<SharedConnection> snapshot() {
        return List.copyOf(connections.values());
    }

    synchronized void release(SharedConnection connection) {
        if (connection.release()) {
            connections.remove(connection.key());
            if (component.metrics() != null) {
                component.metrics().unbind(connection);
            }
        }
    }

    synchronized void closeAll() {
        connections.values().forEach(connection -> {
            connection.close();
            if (component.metrics() != null) {
                component.metrics().unbind(connection);
            }
        });
        connections.clear();
        if (ownVertx != null) {
            ownVertx.close();
            ownVertx = null;
        }
    }

    private Vertx vertx() {
        if (component.getVertx() != null) {
            return component.getVertx();
        }
        if (ownVertx == null) {
            ownVertx = Vertx.vertx();
        }
        return ownVertx;
    }
}
