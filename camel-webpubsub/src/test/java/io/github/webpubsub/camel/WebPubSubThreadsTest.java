package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;

/**
 * Routes run on threads Camel manages, never on Vert.x threads, and each connection delivers on its own: a route
 * taking a second per message on one connection does not hold up a route on another. Those threads end with what
 * they serve: a connection's delivery thread and a consumer's pool with its route, the producers' pool with the
 * context.
 */
class WebPubSubThreadsTest extends WebPubSubTestSupport {

    private final List<String> slowThreads = new CopyOnWriteArrayList<>();
    private final List<Long> fastArrivals = new CopyOnWriteArrayList<>();
    private final List<String> fastThreads = new CopyOnWriteArrayList<>();
    private final List<String> afterSendThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);

    @AfterEach
    void release() {
        done.countDown();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:shared?userId=slow-user").routeId("slow").process(exchange -> {
                    slowThreads.add(Thread.currentThread().getName());
                    // The slowness under test: a second per message, or less once the test is over.
                    done.await(1, TimeUnit.SECONDS);
                });
                from("webpubsub:shared?userId=fast-user").routeId("fast").process(exchange -> {
                    fastArrivals.add(System.nanoTime());
                    fastThreads.add(Thread.currentThread().getName());
                });
                from("direct:send").to("webpubsub:shared?userId=sender")
                        .process(exchange -> afterSendThreads.add(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void aSlowRouteOnOneConnectionDoesNotDelayARouteOnAnotherAndNoRouteRunsOnVertx() throws Exception {
        await().until(() -> connectionsOf("slow-user").stream().anyMatch(c -> c.groups().contains("shared"))
                && connectionsOf("fast-user").stream().anyMatch(c -> c.groups().contains("shared")));
        WebPubSubClient publisher = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), HUB).userId("publisher")
                .roles(List.of("webpubsub.sendToGroup")).build()));
        try {
            publisher.start().get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                publisher.sendToGroup("shared", MessageData.text("m" + i)).get(10, TimeUnit.SECONDS);
            }
            long sent = System.nanoTime();

            // The slow route needs three seconds for these; the fast one, on its own connection, has them at once.
            await().atMost(Duration.ofMillis(500)).until(() -> fastArrivals.size() == 3);
            assertThat(Duration.ofNanos(fastArrivals.get(2) - sent)).isLessThan(Duration.ofMillis(200));
            assertThat(slowThreads).hasSizeLessThan(3);
        } finally {
            publisher.close();
        }
        template.sendBody("direct:send", "hello");

        assertThat(fastThreads).isNotEmpty().allMatch(name -> name.contains("WebPubSubConsumer[chat/fast-user]"));
        assertThat(slowThreads).isNotEmpty().allMatch(name -> name.contains("WebPubSubConsumer[chat/slow-user]"));
        assertThat(afterSendThreads).singleElement().satisfies(name -> assertThat(name).contains("WebPubSubProducer")
                .doesNotContain("vert.x"));
    }

    /** The live threads of this test's CamelContext whose names contain {@code name}. */
    private List<String> threads(String name) {
        String camel = "Camel (" + context.getName() + ") thread";
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(thread -> thread.startsWith(camel) && thread.contains(name)).toList();
    }

    @Test
    void theComponentsThreadsEndWhenTheirRoutesAndTheContextStop() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:parallel?userId=parallel-user&concurrentConsumers=2").routeId("parallel")
                        .to("mock:parallel");
            }
        });
        await().until(() -> connectionsOf("slow-user").stream().anyMatch(c -> c.groups().contains("shared"))
                && connectionsOf("fast-user").stream().anyMatch(c -> c.groups().contains("shared"))
                && connectionsOf("parallel-user").stream().anyMatch(c -> c.groups().contains("parallel")));
        WebPubSubClient publisher = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), HUB).userId("publisher")
                .roles(List.of("webpubsub.sendToGroup")).build()));
        try {
            publisher.start().get(10, TimeUnit.SECONDS);
            getMockEndpoint("mock:parallel").expectedMessageCount(1);
            publisher.sendToGroup("parallel", MessageData.text("to the pool")).get(10, TimeUnit.SECONDS);
            getMockEndpoint("mock:parallel").assertIsSatisfied();
        } finally {
            publisher.close();
        }
        template.sendBody("direct:send", "hello");
        // Every kind is there: a delivery thread per connection (its connected event ran on it), the parallel
        // consumer's pool, the producers' pool.
        assertThat(threads("WebPubSubConsumer[chat/slow-user]")).hasSize(1);
        assertThat(threads("WebPubSubConsumer[chat/fast-user]")).hasSize(1);
        assertThat(threads("WebPubSubConsumer[chat/parallel-user]")).hasSize(1);
        assertThat(threads("WebPubSubConsumer[chat/sender]")).hasSize(1);
        assertThat(threads("WebPubSubConsumer[parallel]")).isNotEmpty();
        assertThat(threads("WebPubSubProducer")).isNotEmpty();

        context.getRouteController().stopRoute("slow");
        context.getRouteController().stopRoute("parallel");
        await().atMost(Duration.ofSeconds(10)).until(() -> threads("WebPubSubConsumer[chat/slow-user]").isEmpty()
                && threads("WebPubSubConsumer[chat/parallel-user]").isEmpty()
                && threads("WebPubSubConsumer[parallel]").isEmpty());
        // The routes still running keep theirs.
        assertThat(threads("WebPubSubConsumer[chat/fast-user]")).hasSize(1);
        assertThat(threads("WebPubSubConsumer[chat/sender]")).hasSize(1);
        assertThat(threads("WebPubSubProducer")).isNotEmpty();

        context.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> threads("WebPubSub").isEmpty());
    }
}
