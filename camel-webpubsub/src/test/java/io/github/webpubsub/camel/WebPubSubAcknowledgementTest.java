package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.emulator.ConnectionInfo;

/**
 * When a consumer's messages are acknowledged to the service: after Camel's error handling is done with each exchange
 * by default, or on receipt into the connection's buffer with ackMode=onReceipt.
 */
class WebPubSubAcknowledgementTest extends WebPubSubTestSupport {

    private final List<WebPubSubClient> clients = new ArrayList<>();
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private final Semaphore gate = new Semaphore(0);
    private final java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(4);
    private final List<String> parallel = new CopyOnWriteArrayList<>();
    /** For each redelivery of a failing message: whether the service still held it unacknowledged. */
    private final List<Boolean> heldDuringRedelivery = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeClients() {
        gate.release(100_000);
        clients.forEach(WebPubSubClient::close);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:work?userId=worker&sequenceAckInterval=100ms").routeId("work")
                        .errorHandler(deadLetterChannel("direct:dead").maximumRedeliveries(2).redeliveryDelay(200))
                        .process(exchange -> {
                            String body = exchange.getMessage().getBody(String.class);
                            if (body.endsWith("5")) {
                                if (exchange.getMessage().getHeader("CamelRedeliveryCounter", 0, Integer.class) > 0) {
                                    // Mid-redelivery: the message must still be the service's.
                                    heldDuringRedelivery.add(unackedOf("worker") >= 1);
                                }
                                throw new IllegalStateException("every tenth fails: " + body);
                            }
                            processed.add(body);
                        });
                from("direct:dead").process(exchange -> deadLettered.add(exchange.getMessage().getBody(String.class)));

                from("webpubsub:parallel?userId=parallel&concurrentConsumers=4").routeId("parallel")
                        .process(exchange -> {
                            // Four exchanges must be in flight at once for any of them to pass this point.
                            together.countDown();
                            if (!together.await(10, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("not processed in parallel");
                            }
                            parallel.add(exchange.getMessage().getBody(String.class));
                        });

                from("webpubsub:burst?userId=buffered&ackMode=onReceipt&receiveBufferMessages=5000").routeId("burst")
                        .process(exchange -> {
                            gate.acquireUninterruptibly();
                            processed.add(exchange.getMessage().getBody(String.class));
                        });
            }
        };
    }

    private static long unackedOf(String userId) {
        return connectionsOf(userId).stream().mapToLong(ConnectionInfo::unacked).sum();
    }

    private WebPubSubClient publisher() {
        WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), HUB).userId("publisher")
                .roles(List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup")).build()));
        clients.add(client);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    private static void publish(WebPubSubClient publisher, String group, int count) throws Exception {
        Semaphore inFlight = new Semaphore(100);
        List<CompletableFuture<SendResult>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            assertThat(inFlight.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<SendResult> send = publisher.sendToGroup(group, MessageData.text(Integer.toString(i)));
            send.whenComplete((ok, error) -> inFlight.release());
            sends.add(send);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aMessageIsAcknowledgedOnlyAfterTheDeadLetterChannelIsDoneWithIt() throws Exception {
        await().until(() -> connectionsOf("worker").stream().anyMatch(c -> c.groups().contains("work")));
        publish(publisher(), "work", 30);

        await().atMost(Duration.ofSeconds(20)).until(() -> processed.size() + deadLettered.size() == 30);
        assertThat(deadLettered).containsExactly("5", "15", "25");
        assertThat(processed).containsExactlyElementsOf(IntStream.range(0, 30).filter(i -> i % 10 != 5)
                .mapToObj(Integer::toString).toList());
        // Three failing messages, redelivered twice each: at every redelivery the service still held the message.
        assertThat(heldDuringRedelivery).as("unacknowledged while Camel redelivered").hasSize(6).containsOnly(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> unackedOf("worker") == 0);
    }

    @Test
    void onReceiptAStuckRouteDoesNotCostTheConnectionABurstBeyondTheServicesLimit() throws Exception {
        await().until(() -> connectionsOf("buffered").stream().anyMatch(c -> c.groups().contains("burst")));
        String connection = connectionsOf("buffered").get(0).connectionId();
        publish(publisher(), "burst", 2_500);

        assertThat(unackedOf("buffered")).isLessThan(1_000);
        gate.release(100_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed.size() == 2_500);
        assertThat(processed).containsExactlyElementsOf(IntStream.range(0, 2_500).mapToObj(Integer::toString).toList());
        assertThat(connectionsOf("buffered")).extracting(ConnectionInfo::connectionId).containsExactly(connection);
    }

    @Test
    void concurrentConsumersProcessInParallelAndEveryMessageIsStillAcknowledgedOnceProcessed() throws Exception {
        await().until(() -> connectionsOf("parallel").stream().anyMatch(c -> c.groups().contains("parallel")));
        publish(publisher(), "parallel", 40);

        await().atMost(Duration.ofSeconds(20)).until(() -> parallel.size() == 40);
        assertThat(parallel).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(Integer::toString).toList());
        await().atMost(Duration.ofSeconds(5)).until(() -> unackedOf("parallel") == 0);
    }
}
