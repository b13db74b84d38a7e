package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Which registry gets the meters when the application has several, as a Spring Boot application with more than one
 * monitoring system has: the one the meterRegistry option names; else, as camel-micrometer chooses, the composite
 * over them; else none, rather than one at random.
 */
class WebPubSubMeterRegistryChoiceTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private final SimpleMeterRegistry first = new SimpleMeterRegistry();
    private final SimpleMeterRegistry second = new SimpleMeterRegistry();

    @Test
    void theRegistryTheOptionNamesGetsTheMeters() throws Exception {
        try (CamelContext context = context(Map.of("first", first, "second", second), "#bean:second")) {
            context.start();

            await().until(() -> hasMeters(second));
            assertThat(hasMeters(first)).isFalse();
        }
    }

    @Test
    void withoutTheOptionTheOnlyCompositeRegistryGetsThem() throws Exception {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(first);
        composite.add(second);
        try (CamelContext context = context(Map.of("first", first, "second", second, "composite", composite), null)) {
            context.start();

            // Registered in the composite, the meters show in every registry under it.
            await().until(() -> hasMeters(composite) && hasMeters(first) && hasMeters(second));
        }
    }

    @Test
    void withoutTheOptionAndNoCompositeNoneGetsThem() throws Exception {
        try (CamelContext context = context(Map.of("first", first, "second", second), null)) {
            context.start();
            await().until(() -> emulator.get().connections("chat").stream()
                    .anyMatch(c -> "metered".equals(c.userId()) && c.groups().contains("choice")));

            assertThat(hasMeters(first)).isFalse();
            assertThat(hasMeters(second)).isFalse();
        }
    }

    private static boolean hasMeters(MeterRegistry registry) {
        return registry.find("webpubsub.messages.received").tag("connection", "chat/metered").functionCounter() != null;
    }

    /** A context with the registries as beans, and the component's meterRegistry option bound as a property would be. */
    private static CamelContext context(Map<String, MeterRegistry> registries, String meterRegistry) throws Exception {
        CamelContext context = new DefaultCamelContext();
        registries.forEach(context.getRegistry()::bind);
        WebPubSubComponent component = new WebPubSubComponent();
        component.getConfiguration().setConnectionString(emulator.get().connectionString());
        component.getConfiguration().setHub("chat");
        context.addComponent("webpubsub", component);
        if (meterRegistry != null) {
            // As Camel Main binds camel.component.webpubsub.meterRegistry: through the component's configurer.
            PropertyBindingSupport.build().withConfigurer(PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("webpubsub-component", context))
                    .bind(context, component, "meterRegistry", meterRegistry);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:choice?userId=metered").to("log:choice?level=DEBUG");
            }
        });
        return context;
    }
}
