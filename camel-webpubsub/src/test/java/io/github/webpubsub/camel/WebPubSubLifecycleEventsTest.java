package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.emulator.Faults;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * Lifecycle events reach routes that ask for them, with all their headers: a new connection, a drop and its recovery,
 * a refused recovery that ends the connection, a refused rejoin, and a rejected credential that stops the connection.
 */
class WebPubSubLifecycleEventsTest extends WebPubSubTestSupport {

    private final List<Exchange> lifecycle = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:?userId=watcher&roles=webpubsub.joinLeaveGroup.lobby"
                        + "&events=connected,disconnected,stopped,rejoin-group-failed,recovering,recovered")
                        .routeId("lifecycle").process(exchange -> lifecycle.add(exchange.copy()));
                from("webpubsub:lobby?userId=watcher&roles=webpubsub.joinLeaveGroup.lobby").routeId("lobby")
                        .to("mock:lobby");
            }
        };
    }

    private List<String> eventTypes() {
        return lifecycle.stream().map(e -> e.getMessage().getHeader(WebPubSubConstants.EVENT_TYPE, String.class)).toList();
    }

    /** The component's headers an exchange carries, those with a value, sorted by name. */
    private static Map<String, Object> headers(Exchange exchange) {
        Map<String, Object> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith(WebPubSubConstants.HEADER_PREFIX) && value != null) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private Exchange last(String type) {
        List<Exchange> matching = lifecycle.stream()
                .filter(e -> type.equals(e.getMessage().getHeader(WebPubSubConstants.EVENT_TYPE))).toList();
        return matching.get(matching.size() - 1);
    }

    @Test
    void connectedRecoveringRecoveredAndDisconnectedReachTheRouteWithTheirHeaders() throws Exception {
        await().until(() -> eventTypes().contains("connected"));
        String first = connectionsOf("watcher").get(0).connectionId();
        assertThat(headers(last("connected"))).isEqualTo(Map.of(WebPubSubConstants.EVENT_TYPE, "connected",
                WebPubSubConstants.CONNECTION_ID, first, WebPubSubConstants.USER_ID, "watcher"));
        assertThat(last("connected").getMessage().getBody()).isNull();

        emulator.get().faults().drop(HUB, first);
        await().until(() -> eventTypes().contains("recovered"));
        Exchange recovering = last("recovering");
        // Lost without a close frame: no close code.
        assertThat(headers(recovering)).containsOnlyKeys(WebPubSubConstants.EVENT_TYPE, WebPubSubConstants.CONNECTION_ID,
                WebPubSubConstants.USER_ID, WebPubSubConstants.REASON)
                .containsEntry(WebPubSubConstants.EVENT_TYPE, "recovering")
                .containsEntry(WebPubSubConstants.CONNECTION_ID, first).containsEntry(WebPubSubConstants.USER_ID, "watcher");
        assertThat(recovering.getMessage().getHeader(WebPubSubConstants.REASON, String.class))
                .contains("lost without a close frame");
        assertThat(recovering.getMessage().getBody()).isEqualTo(recovering.getMessage().getHeader(WebPubSubConstants.REASON));
        assertThat(headers(last("recovered"))).isEqualTo(Map.of(WebPubSubConstants.EVENT_TYPE, "recovered",
                WebPubSubConstants.CONNECTION_ID, first, WebPubSubConstants.USER_ID, "watcher"));

        emulator.get().faults().refuseRecoveries(1);
        emulator.get().faults().drop(HUB, first);
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("disconnected")
                && eventTypes().lastIndexOf("connected") > eventTypes().indexOf("disconnected"));
        Exchange disconnected = last("disconnected");
        assertThat(headers(disconnected)).containsOnlyKeys(WebPubSubConstants.EVENT_TYPE, WebPubSubConstants.CONNECTION_ID,
                WebPubSubConstants.USER_ID, WebPubSubConstants.CLOSE_CODE, WebPubSubConstants.REASON)
                .containsEntry(WebPubSubConstants.EVENT_TYPE, "disconnected")
                .containsEntry(WebPubSubConstants.CONNECTION_ID, first).containsEntry(WebPubSubConstants.USER_ID, "watcher")
                .containsEntry(WebPubSubConstants.CLOSE_CODE, 1008);
        assertThat(disconnected.getMessage().getHeader(WebPubSubConstants.REASON, String.class))
                .contains("lost without a close frame");
        assertThat(disconnected.getMessage().getBody()).isEqualTo(disconnected.getMessage().getHeader(WebPubSubConstants.REASON));
        String second = connectionsOf("watcher").get(0).connectionId();
        assertThat(second).isNotEqualTo(first);
        assertThat(headers(last("connected"))).isEqualTo(Map.of(WebPubSubConstants.EVENT_TYPE, "connected",
                WebPubSubConstants.CONNECTION_ID, second, WebPubSubConstants.USER_ID, "watcher"));

        // The service closes the socket with a code that is no policy violation: the client tries to recover (the
        // emulator refuses it after such a close, so a new connection follows), and recovering carries the code.
        emulator.get().faults().close(HUB, second, 1011, "server restarting");
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().stream().filter("connected"::equals).count() == 3);
        assertThat(headers(last("recovering"))).isEqualTo(Map.of(WebPubSubConstants.EVENT_TYPE, "recovering",
                WebPubSubConstants.CONNECTION_ID, second, WebPubSubConstants.USER_ID, "watcher",
                WebPubSubConstants.CLOSE_CODE, 1011, WebPubSubConstants.REASON, "server restarting"));

        context.getRouteController().stopRoute("lobby");
        context.getRouteController().stopRoute("lifecycle");
        // Each drop once, in order; the emulator refuses the recovery of a closed connection, so it ends too.
        assertThat(eventTypes()).containsExactly("connected", "recovering", "recovered", "recovering", "disconnected",
                "connected", "recovering", "disconnected", "connected");
    }

    @Test
    void aGroupThatCannotBeJoinedAgainRaisesRejoinGroupFailedWithTheGroupAndTheNewConnection() {
        await().until(() -> connectionsOf("watcher").stream().anyMatch(c -> c.groups().contains("lobby")));
        String first = connectionsOf("watcher").get(0).connectionId();
        // The next connection's joins are refused: the service answers Forbidden.
        emulator.get().faults().failAcks("Forbidden", "not any more", Faults.UNTIL_CLEARED);
        try {
            emulator.get().faults().close(HUB, first, 1008, "policy");
            // Rejoin failures come before the new connection's connected event, as in Microsoft's clients.
            await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("rejoin-group-failed")
                    && eventTypes().lastIndexOf("connected") > eventTypes().indexOf("rejoin-group-failed"));
            String second = last("connected").getMessage().getHeader(WebPubSubConstants.CONNECTION_ID, String.class);
            assertThat(second).isNotEqualTo(first);
            Exchange failed = last("rejoin-group-failed");
            assertThat(headers(failed)).containsOnlyKeys(WebPubSubConstants.EVENT_TYPE, WebPubSubConstants.CONNECTION_ID,
                    WebPubSubConstants.USER_ID, WebPubSubConstants.GROUP, WebPubSubConstants.REASON)
                    .containsEntry(WebPubSubConstants.EVENT_TYPE, "rejoin-group-failed")
                    .containsEntry(WebPubSubConstants.CONNECTION_ID, second)
                    .containsEntry(WebPubSubConstants.USER_ID, "watcher")
                    .containsEntry(WebPubSubConstants.GROUP, "lobby");
            assertThat(failed.getMessage().getHeader(WebPubSubConstants.REASON, String.class)).contains("Forbidden");
            assertThat(failed.getMessage().getBody()).isEqualTo(failed.getMessage().getHeader(WebPubSubConstants.REASON));
        } finally {
            emulator.get().faults().clear();
        }
    }

    @Test
    void aRejectedCredentialStopsTheConnectionAndRaisesStoppedWithTheReason() throws Exception {
        WebPubSubEmulator e = emulator.get();
        String wrongKey = e.connectionString().replace(e.accessKey(), WebPubSubEmulator.randomAccessKey());
        List<Exchange> refused = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:?connectionString=RAW(" + wrongKey + ")&userId=intruder"
                        + "&events=connected,disconnected,stopped,recovering").routeId("refused")
                        .process(exchange -> refused.add(exchange.copy()));
            }
        });

        // The emulator answers the handshake with 401: the connection stops and does not try again by itself.
        await().atMost(Duration.ofSeconds(10)).until(() -> !refused.isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> refused.size() == 1);
        Exchange stopped = refused.get(0);
        // It never connected: no connection or user to name.
        assertThat(headers(stopped)).containsOnlyKeys(WebPubSubConstants.EVENT_TYPE, WebPubSubConstants.REASON)
                .containsEntry(WebPubSubConstants.EVENT_TYPE, "stopped");
        assertThat(stopped.getMessage().getHeader(WebPubSubConstants.REASON, String.class))
                .contains("rejected the credential (HTTP 401)").doesNotContain(e.accessKey())
                .doesNotContain(wrongKey.substring(wrongKey.indexOf("AccessKey=")));
        assertThat(stopped.getMessage().getBody()).isEqualTo(stopped.getMessage().getHeader(WebPubSubConstants.REASON));
    }

    @Test
    void everyEventTypeIsWhatSomeClientEventBecomesAndTheCatalogNamesThemAll() throws IOException {
        List<WebPubSubEvent> oneOfEach = List.of(
                new WebPubSubEvent.GroupMessage("c", "u", "g", "p", MessageData.text("hi"), 1L),
                new WebPubSubEvent.ServerMessage("c", "u", MessageData.text("hi"), 2L),
                new WebPubSubEvent.Connected("c", "u"),
                new WebPubSubEvent.Disconnected("c", "u", 1008, "policy"),
                new WebPubSubEvent.Stopped("c", "u", "Stopped by the application"),
                new WebPubSubEvent.RejoinGroupFailed("c", "u", "g", new SendFailedException(3L, "Forbidden", "no")),
                new WebPubSubEvent.Recovering("c", "u", null, "lost"),
                new WebPubSubEvent.Recovered("c", "u"));
        assertThat(oneOfEach.stream().map(EventMessage::of).map(EventMessage::type))
                .containsExactlyInAnyOrder(WebPubSubEventType.values());
        assertThat(EventMessage.of(new WebPubSubEvent.MalformedMessage("c", 4L, "not JSON"))).isNull();

        // What the events option and the event type header say is what the catalog, the adoc and the docs show.
        JsonNode catalog = new ObjectMapper().readTree(Files.readString(
                Path.of("src/generated/resources/META-INF/io/github/webpubsub/camel/webpubsub.json")));
        String header = catalog.path("headers").path(WebPubSubConstants.EVENT_TYPE).path("description").asText();
        String option = catalog.path("properties").path("events").path("description").asText();
        assertThat(Arrays.stream(WebPubSubEventType.values()).map(WebPubSubEventType::eventName))
                .allSatisfy(name -> {
                    assertThat(header).contains(name);
                    assertThat(option).contains(name);
                });
        assertThat(option).contains(WebPubSubConstants.REASON);
    }

    @Test
    void anInOutConsumerIsRefusedAtCreationNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("webpubsub:lobby?exchangePattern=InOut&userId=x")
                .createConsumer(exchange -> {
                })).hasMessageContaining("exchangePattern=InOut");
    }
}
