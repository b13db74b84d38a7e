package io.github.webpubsub.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/** The component configured only through camel.component.webpubsub.* properties, as a Camel Main app would. */
class CamelMainPropertiesTest {

    @Test
    void componentPropertiesConfigureEveryEndpoint() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            Main main = new Main();
            main.addInitialProperty("camel.component.webpubsub.connection-string", emulator.connectionString());
            main.addInitialProperty("camel.component.webpubsub.hub", "props");
            main.addInitialProperty("camel.component.webpubsub.user-id", "from-properties");
            main.addInitialProperty("camel.component.webpubsub.max-retries", "5");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webpubsub:configured").routeId("configured").to("log:configured");
                }
            });
            main.start();
            try {
                await().until(() -> emulator.connections("props").stream()
                        .anyMatch(c -> "from-properties".equals(c.userId()) && c.groups().contains("configured")));
                WebPubSubComponent component = main.getCamelContext().getComponent("webpubsub", WebPubSubComponent.class);
                assertThat(component.getConfiguration().getMaxRetries()).isEqualTo(5);
            } finally {
                main.stop();
            }
        }
    }
}
