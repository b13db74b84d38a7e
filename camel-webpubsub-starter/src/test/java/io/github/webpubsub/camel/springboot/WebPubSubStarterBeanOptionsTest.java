package io.github.webpubsub.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * The bean options added for the transport and the meters bind from bean references in properties: the component
 * gets the very WebSocketClientOptions bean, and of two meter registries (as an application with two monitoring
 * systems has) the one meter-registry names gets the connections' meters.
 */
@SpringBootTest(classes = { BridgeApplication.class, WebPubSubStarterBeanOptionsTest.Beans.class }, properties = {
        "camel.component.webpubsub.web-socket-options=#transport",
        "camel.component.webpubsub.meter-registry=#bean:chosen" })
class WebPubSubStarterBeanOptionsTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @DynamicPropertySource
    static void emulatorConnection(DynamicPropertyRegistry properties) {
        properties.add("camel.component.webpubsub.connection-string", () -> emulator.get().connectionString());
    }

    @TestConfiguration
    static class Beans {
        @Bean
        WebSocketClientOptions transport() {
            return new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20);
        }

        @Bean
        SimpleMeterRegistry chosen() {
            return new SimpleMeterRegistry();
        }

        @Bean
        SimpleMeterRegistry other() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    WebSocketClientOptions transport;

    @Autowired
    @Qualifier("chosen")
    SimpleMeterRegistry chosen;

    @Autowired
    @Qualifier("other")
    SimpleMeterRegistry other;

    @Test
    void beanReferencesReachTheComponentAndTheNamedRegistryGetsTheMeters() {
        WebPubSubComponent component = camelContext.getComponent("webpubsub", WebPubSubComponent.class);

        assertThat(component.getConfiguration().getWebSocketOptions()).isSameAs(transport);
        assertThat(component.getMeterRegistry()).isSameAs(chosen);
        await().until(() -> chosen.find("webpubsub.messages.received").tag("connection", "chat/boot-bridge")
                .functionCounter() != null);
        assertThat(other.find("webpubsub.messages.received").functionCounters()).isEmpty();
    }
}
