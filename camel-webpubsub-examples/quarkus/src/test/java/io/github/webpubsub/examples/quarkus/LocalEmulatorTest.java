package io.github.webpubsub.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;

/**
 * The example's default, without booting Quarkus a second time (ChatBridgeTest runs the app with a connection
 * string): with no connection string configured the component gets a running emulator's; with one, nothing starts.
 */
class LocalEmulatorTest {

    @Test
    void withoutAConnectionStringTheComponentConnectsToAnEmbeddedEmulator() {
        LocalEmulator local = new LocalEmulator();
        local.connectionString = Optional.empty();
        WebPubSubComponent component = component();
        try {
            local.onComponentAdd(new ComponentAddEvent(component));

            String connectionString = component.getConfiguration().getConnectionString();
            assertThat(connectionString).isNotNull();
            String url = ConnectionStringCredential.builder(connectionString, "chat").userId("probe").build().mintUrl();
            WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(ClientAccessUrlProvider.fixed(url)));
            try {
                client.start().orTimeout(30, TimeUnit.SECONDS).join();
            } finally {
                client.close();
            }
        } finally {
            local.stop();
        }
    }

    @Test
    void aConfiguredConnectionStringIsLeftAlone() {
        LocalEmulator local = new LocalEmulator();
        local.connectionString = Optional.of("Endpoint=https://example.webpubsub.azure.com;AccessKey=a2V5;Version=1.0;");
        WebPubSubComponent component = component();

        local.onComponentAdd(new ComponentAddEvent(component));

        // Camel binds the configured value afterwards; the emulator did not start.
        assertThat(component.getConfiguration().getConnectionString()).isNull();
        local.stop();
    }

    /** A component as Camel adds it: the event's source is its CamelContext. */
    private static WebPubSubComponent component() {
        WebPubSubComponent component = new WebPubSubComponent();
        component.setCamelContext(new DefaultCamelContext());
        return component;
    }
}
