package io.github.webpubsub.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.webpubsub.client.ConnectionStateStore;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * The Spring Boot configuration docs/replicas.md shows, on one replica: a FileLockClusterService bean, a consumer
 * route under a ClusteredRoutePolicy and a state file. The replica elects itself through the bean, starts the route
 * and bridges; its producer route runs beside it. (The failover itself is tested with Camel Main, ReplicasTest.)
 */
@SpringBootTest(classes = ReplicaConfigurationTest.Replica.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReplicaConfigurationTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @TempDir
    static Path dir;

    static final List<String> BRIDGED = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void replicaProperties(DynamicPropertyRegistry properties) {
        properties.add("camel.component.webpubsub.connection-string", () -> emulator.get().connectionString());
        properties.add("camel.component.webpubsub.user-id", () -> "replica");
        properties.add("camel.component.webpubsub.state-file", () -> dir.resolve("state/orders.state").toString());
        properties.add("bridge.cluster-root", () -> dir.resolve("cluster").toString());
    }

    /**
     * One replica: what an application adds to run as one of several. A plain configuration, named by the test: a
     * second @SpringBootConfiguration in this package would leave the other tests two to choose from.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Replica {

        @Bean
        FileLockClusterService fileClusterService(@Value("${bridge.cluster-root}") String root) {
            FileLockClusterService service = new FileLockClusterService();
            service.setRoot(root);
            service.setAcquireLockInterval(500, TimeUnit.MILLISECONDS);
            service.setAcquireLockDelay(500, TimeUnit.MILLISECONDS);
            service.setHeartbeatTimeoutMultiplier(3);
            return service;
        }

        /**
         * The policy finds its cluster service among the CamelContext's services, not its beans, and Camel Spring
         * Boot adds a cluster service bean only after the routes are created: add it before the start.
         */
        @Bean
        CamelContextConfiguration clusterServiceInContext(FileLockClusterService fileClusterService) {
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext context) {
                    try {
                        context.addService(fileClusterService);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void afterApplicationStart(CamelContext context) {
                }
            };
        }

        @Bean
        RouteBuilder replicaRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() throws Exception {
                    from("webpubsub:orders").routeId("orders-bridge")
                            .routePolicy(ClusteredRoutePolicy.forNamespace("orders-bridge"))
                            .process(exchange -> BRIDGED.add(exchange.getMessage().getBody(String.class)));
                    from("direct:reply").routeId("orders-replies").to("webpubsub:replies");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;

    @Test
    void theFileClusterServiceBeanElectsTheReplicaWhoseClusteredRouteBridgesOnTheStoredConnection() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> emulator.get().connections("chat").stream()
                .anyMatch(c -> "replica".equals(c.userId()) && c.groups().contains("orders")
                        && "CONNECTED".equals(c.state())));
        assertThat(camelContext.hasService(FileLockClusterService.class)).as("the bean, in the context").isNotNull();

        try (WebPubSubClient publisher = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), "chat").userId("shop")
                .roles(List.of("webpubsub.sendToGroup")).build()))) {
            publisher.start().get(30, TimeUnit.SECONDS);
            publisher.sendToGroup("orders", MessageData.text("order 1")).get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGED.contains("order 1"));
        }
        String consumer = emulator.get().connections("chat").stream()
                .filter(c -> "replica".equals(c.userId()) && c.groups().contains("orders")).findFirst().orElseThrow()
                .connectionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> ConnectionStateStore.file(dir.resolve("state/orders.state"))
                .load().map(state -> state.connectionId().equals(consumer)).orElse(false));

        camelContext.createProducerTemplate().sendBodyAndHeader("direct:reply", "received", "CamelWebPubSubGroup",
                "replies");
    }
}
