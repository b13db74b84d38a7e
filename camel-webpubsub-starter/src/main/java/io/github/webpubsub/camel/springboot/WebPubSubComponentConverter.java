package io.github.webpubsub.camel.springboot;

import java.util.Set;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import io.github.webpubsub.camel.WebPubSubConfiguration;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * Binds the component's object options from bean references: {@code camel.component.webpubsub.ssl-context-parameters=#tls}
 * (or {@code #bean:tls}) is the application context's bean {@code tls}. Any other text fails the binding, and with
 * it the application's start, naming the property.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class WebPubSubComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(WebPubSubConfiguration.class, Vertx.class,
            ClientAccessUrlProvider.class, SSLContextParameters.class, StateRepository.class, WebSocketClientOptions.class,
            MeterRegistry.class);

    private final ApplicationContext applicationContext;

    /** @param applicationContext where referenced beans are looked up */
    public WebPubSubComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(BEAN_TYPES.stream().map(type -> new ConvertiblePair(String.class, type))
                .toArray(ConvertiblePair[]::new));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("expected a bean reference, #name or #bean:name, for a "
                    + targetType.getType().getSimpleName());
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
