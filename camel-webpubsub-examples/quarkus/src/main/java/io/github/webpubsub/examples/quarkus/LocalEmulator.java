package io.github.webpubsub.examples.quarkus;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * Runs the Web PubSub emulator in-process when {@code camel.component.webpubsub.connection-string} is not set (in
 * {@code application.properties} it comes from {@code WEBPUBSUB_CONNECTION_STRING}), so the example runs with no
 * cloud account. With a connection string it does nothing.
 */
@ApplicationScoped
public class LocalEmulator {

    private static final Logger LOG = Logger.getLogger(LocalEmulator.class);

    @ConfigProperty(name = "camel.component.webpubsub.connection-string")
    Optional<String> connectionString;

    @ConfigProperty(name = "webpubsub.emulator.port", defaultValue = "0")
    int port;

    private WebPubSubEmulator emulator;

    /**
     * Camel Quarkus fires this before the routes start, which is when the component must know where to connect.
     * The setting is read from the configuration, not from the component: the event comes before Camel binds the
     * component's properties (which then leave an unset connection string alone).
     */
    void onComponentAdd(@Observes ComponentAddEvent event) {
        if (event.getComponent() instanceof WebPubSubComponent webPubSub && connectionString.isEmpty()) {
            webPubSub.getConfiguration().setConnectionString(start().connectionString());
        }
    }

    private synchronized WebPubSubEmulator start() {
        if (emulator == null) {
            emulator = WebPubSubEmulator.builder().port(port).start();
            LOG.infof("Web PubSub: the embedded emulator at %s (set WEBPUBSUB_CONNECTION_STRING to use Azure)",
                    emulator.endpoint());
        }
        return emulator;
    }

    @PreDestroy
    synchronized void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
