package io.github.webpubsub.camel.springboot;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.github.webpubsub.camel.WebPubSubComponent;

/**
 * Applies the {@code camel.component.webpubsub.*} properties to the {@code webpubsub} component when Camel creates
 * it, as Camel's own component starters do: through a {@link ComponentCustomizer}, so that the component stays the
 * one Camel resolves by name, and {@code camel.component.webpubsub.customizer.enabled=false} (or
 * {@code camel.component.customizer.enabled=false}) turns it off.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, WebPubSubComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, WebPubSubComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", WebPubSubComponentConfiguration.PREFIX })
public class WebPubSubComponentAutoConfiguration {

    /**
     * The customizer that copies every property that is set onto the component, with Camel's type conversion (a
     * {@code Duration} becomes the component's milliseconds).
     */
    @Lazy
    @Bean
    public ComponentCustomizer configureWebPubSubComponent(ApplicationContext applicationContext,
            WebPubSubComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        WebPubSubComponentConfiguration.PREFIX + ".customizer")
                        && target instanceof WebPubSubComponent;
            }
        };
    }
}
