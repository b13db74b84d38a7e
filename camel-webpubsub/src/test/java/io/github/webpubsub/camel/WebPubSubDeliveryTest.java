package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubListener;

/** What the routes see when connections drop: every message once and in order, and sends that never duplicate. */
class WebPubSubDeliveryTest extends WebPubSubTestSupport {

    private final List<WebPubSubClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WebPubSubClient::close);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:stream?userId=stream-consumer").routeId("stream").to("mock:stream");
                from("direct:orders").to("webpubsub:orders?userId=order-producer");
                from("direct:redelivered").routeId("redelivered")
                        .onException(WebPubSubSendException.class).maximumRedeliveries(2).redeliveryDelay(100).end()
                        .to("webpubsub:orders?userId=redelivery-producer&ackTimeout=1s&maxRetries=0");
                from("direct:forbidden").to("webpubsub:vip?userId=nobody&roles=&retryDelay=20s&maxRetryDelay=20s");
            }
        };
    }

    private WebPubSubClient client(String userId, WebPubSubListener listener) {
        WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(ConnectionStringCredential
                .builder(emulator.get().connectionString(), HUB).userId(userId)
                .roles(List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup")).build()));
        client.addListener(listener);
        clients.add(client);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    @Test
    void fiveThousandMessagesThroughRepeatedDropsReachTheRouteOnceAndInOrder() throws Exception {
        int total = 5_000;
        MockEndpoint stream = getMockEndpoint("mock:stream");
        stream.expectedBodiesReceived(IntStream.range(0, total).mapToObj(Integer::toString).toList());
        AtomicInteger drops = new AtomicInteger();
        stream.whenAnyExchangeReceived(exchange -> {
            if (stream.getReceivedCounter() % 400 == 0) {
                String connection = exchange.getMessage().getHeader(WebPubSubConstants.CONNECTION_ID, String.class);
                emulator.get().faults().drop(HUB, connection);
                drops.incrementAndGet();
            }
        });
        await().until(() -> connectionsOf("stream-consumer").stream().anyMatch(c -> c.groups().contains("stream")));
        WebPubSubClient sender = client("stream-sender", any -> {
        });

        for (int start = 0; start < total; start += 250) {
            List<CompletableFuture<SendResult>> batch = new ArrayList<>();
            for (int i = start; i < start + 250; i++) {
                batch.add(sender.sendToGroup("stream", MessageData.text(Integer.toString(i))));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
            int sent = start + 250;
            // Stay within the service's 1000-message buffer for the consumer, as any publisher must.
            await().until(() -> stream.getReceivedCounter() >= sent - 500);
        }

        stream.assertIsSatisfied(30_000);
        assertThat(drops.get()).isGreaterThanOrEqualTo(10);
        assertThat(connectionsOf("stream-consumer")).hasSize(1);
    }

    @Test
    void aSendCutBeforeItsAckIsRetriedWithTheSameAckIdAndDeliveredOnce() {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebPubSubClient receiver = client("order-receiver", any -> {
            if (any instanceof WebPubSubEvent.GroupMessage event) {
                received.add(event.data().asText());
            }
        });
        receiver.joinGroup("orders").orTimeout(30, TimeUnit.SECONDS).join();
        template.sendBody("direct:orders", "warm-up");
        await().until(() -> received.contains("warm-up"));
        String producerConnection = connectionsOf("order-producer").get(0).connectionId();

        emulator.get().faults().withholdAcks(1);
        CompletableFuture<Exchange> order = template.asyncSend("direct:orders", e -> e.getMessage().setBody("order-1"));
        await().until(() -> received.contains("order-1"));
        assertThat(order).isNotDone();
        emulator.get().faults().drop(HUB, producerConnection);

        Exchange done = order.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(WebPubSubConstants.DUPLICATE)).isEqualTo(true);
        template.sendBody("direct:orders", "order-2");
        await().until(() -> received.contains("order-2"));
        assertThat(received).containsExactly("warm-up", "order-1", "order-2");
    }

    @Test
    void aCamelRedeliveryReusesTheAckIdSoNothingIsPublishedTwice() {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebPubSubClient receiver = client("redelivery-receiver", any -> {
            if (any instanceof WebPubSubEvent.GroupMessage event) {
                received.add(event.data().asText());
            }
        });
        receiver.joinGroup("orders").orTimeout(30, TimeUnit.SECONDS).join();
        template.sendBody("direct:redelivered", "warm-up");
        await().until(() -> received.contains("warm-up"));

        // The service publishes the first attempt but its ack never comes: the producer gives up after 1 s, and
        // Camel redelivers the exchange.
        emulator.get().faults().withholdAcks(1);
        Exchange done = template.send("direct:redelivered", e -> e.getMessage().setBody("order-7"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(WebPubSubConstants.DUPLICATE)).isEqualTo(true);
        template.sendBody("direct:redelivered", "order-8");
        await().until(() -> received.contains("order-8"));
        assertThat(received).containsExactly("warm-up", "order-7", "order-8");
    }

    @Test
    void forbiddenFailsTheExchangeWithoutRetry() throws Exception {
        // With a 20 s retry delay, a single retry would keep this exchange waiting far past the 5 s allowed here.
        Exchange failed = template.asyncSend("direct:forbidden", e -> e.getMessage().setBody("no"))
                .get(5, TimeUnit.SECONDS);

        assertThat(failed.getException()).isInstanceOfSatisfying(WebPubSubSendException.class, e -> {
            assertThat(e.getErrorName()).isEqualTo("Forbidden");
            assertThat(e.getAckId()).isPositive();
            assertThat(e.getErrorMessage()).contains("vip");
        });
        assertThat(failed.getMessage().getHeader(WebPubSubConstants.ACK_ID)).isEqualTo(
                ((WebPubSubSendException) failed.getException()).getAckId());
    }
}
