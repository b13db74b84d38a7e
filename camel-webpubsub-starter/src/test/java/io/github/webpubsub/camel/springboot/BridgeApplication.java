package io.github.webpubsub.camel.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as users write one: routes that name only the group, everything else in properties.
 * What a browser sends to {@code inbox} comes back to {@code outbox} in upper case; {@code direct:announce} sends
 * to {@code outbox}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BridgeApplication {

    @Bean
    RouteBuilder bridgeRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:inbox").routeId("bridge")
                        .transform(body().convertToString().append("!"))
                        .to("webpubsub:outbox");
                from("direct:announce").routeId("announce")
                        .to("webpubsub:outbox");
            }
        };
    }
}
