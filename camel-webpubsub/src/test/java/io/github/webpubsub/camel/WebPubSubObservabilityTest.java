package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of a connection after a drop and its recovery, and after a close that ends it: Camel's dev
 * console and the JMX attributes of the consumer and the producer that share it. Every figure is the one the test's
 * own doing predicts: four messages published through the producer and received by the consumer, one of them sent
 * twice because the service withheld its first ack (one retry, answered with Duplicate), one drop recovered, one
 * close with 1011 whose recovery the emulator refuses with 1008, so that a new connection follows.
 */
class WebPubSubObservabilityTest extends WebPubSubTestSupport {

    /** The same connection options for the consumer and the producer, so that they share the connection. */
    private static final String OPTIONS = "userId=observed&ackTimeout=500ms&maxRetries=1";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:watched?" + OPTIONS).routeId("watched").to("mock:watched");
                from("direct:watched").routeId("publish").to("webpubsub:watched?" + OPTIONS);
            }
        };
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    private DevConsole console() {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class)
                .resolveDevConsole("webpubsub");
        assertThat(console).as("the webpubsub dev console is found through its generated service file").isNotNull();
        return console;
    }

    /** Publishes four messages, the last of them with its first ack withheld, and waits until the route has all. */
    private String publishFourOneOfThemTwice() throws Exception {
        await().until(() -> connectionsOf("observed").stream().anyMatch(c -> c.groups().contains("watched")));
        String connection = connectionsOf("observed").get(0).connectionId();
        getMockEndpoint("mock:watched").expectedBodiesReceived("m0", "m1", "m2", "m3");
        for (int i = 0; i < 3; i++) {
            template.sendBody("direct:watched", "m" + i);
        }
        // Published, but its ack withheld: after 500 ms the send goes again under its ackId, and the service answers
        // Duplicate instead of publishing it twice.
        emulator.get().faults().withholdAcks(1);
        template.sendBody("direct:watched", "m3");
        getMockEndpoint("mock:watched").assertIsSatisfied();
        return connection;
    }

    /** The connection's only figures as the dev console's JSON shows them. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> consoleFigures() {
        Map<String, Object> json = (Map<String, Object>) console().call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> connections = (List<Map<String, Object>>) json.get("connections");
        assertThat(connections).hasSize(1);
        return connections.get(0);
    }

    @Test
    void theDevConsoleShowsTheConnectionsFiguresAfterADropARecoveryAndANewConnection() throws Exception {
        String connection = publishFourOneOfThemTwice();

        emulator.get().faults().drop(HUB, connection);
        // The recovered socket acknowledges what was processed at once: no lag left.
        await().until(() -> ((Number) consoleFigures().get("recoveries")).longValue() == 1
                && "CONNECTED".equals(consoleFigures().get("state"))
                && ((Number) consoleFigures().get("receiveLag")).longValue() == 0);
        Map<String, Object> figures = consoleFigures();
        assertThat(figures).containsEntry("name", "chat/observed").containsEntry("connectionId", connection)
                .containsEntry("userId", "observed").containsEntry("groups", List.of("watched"))
                .containsEntry("sendsInFlight", 0).containsEntry("sendsQueued", 0)
                .containsEntry("messagesReceived", 4L).containsEntry("receiveLag", 0L)
                .containsEntry("receiveLagLimit", 1000).containsEntry("recoveries", 1L)
                .containsEntry("reconnections", 0L).containsEntry("sendRetries", 1L).containsEntry("duplicates", 1L)
                .containsEntry("malformedMessages", 0L)
                // Lost without a close frame: no close code.
                .containsEntry("lastCloseCode", null);
        assertThat((String) figures.get("lastProblem")).contains("lost without a close frame");
        String text = (String) console().call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Connection chat/observed: CONNECTED, connectionId " + connection + ", user observed")
                .contains("sends in flight 0, queued 0, retries 1, duplicates 1")
                .contains("messages received 4, receive lag 0 of 1000, malformed 0")
                .contains("recoveries 1, reconnections 0, last close code null")
                .doesNotContain(emulator.get().accessKey()).doesNotContain("access_token");

        emulator.get().faults().close(HUB, connection, 1011, "server restarting");
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) consoleFigures().get("reconnections")).longValue() == 1
                && "CONNECTED".equals(consoleFigures().get("state"))
                && consoleFigures().get("groups").equals(List.of("watched")));
        String second = connectionsOf("observed").get(0).connectionId();
        assertThat(consoleFigures()).containsEntry("connectionId", second).containsEntry("recoveries", 1L)
                .containsEntry("lastCloseCode", 1008).containsEntry("messagesReceived", 4L)
                .containsEntry("receiveLag", 0L);
        assertThat(second).isNotEqualTo(connection);
    }

    @Test
    void jmxShowsTheSharedConnectionOnTheConsumerAndTheProducerAfterADropARecoveryAndANewConnection() throws Exception {
        String connection = publishFourOneOfThemTwice();
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName consumer = mbean(server, "consumers", "WebPubSubConsumer");
        ObjectName producer = mbean(server, "producers", "WebPubSubProducer");

        emulator.get().faults().drop(HUB, connection);

        await().until(() -> ((Number) server.getAttribute(consumer, "Recoveries")).longValue() == 1
                && "CONNECTED".equals(server.getAttribute(consumer, "ConnectionState"))
                && ((Number) server.getAttribute(consumer, "ReceiveLag")).longValue() == 0);
        for (ObjectName name : List.of(consumer, producer)) {
            // One connection, the same figures on both.
            assertThat(server.getAttribute(name, "ConnectionState")).as("%s", name).isEqualTo("CONNECTED");
            assertThat(server.getAttribute(name, "ConnectionId")).as("%s", name).isEqualTo(connection);
            assertThat(server.getAttribute(name, "ConnectionUserId")).as("%s", name).isEqualTo("observed");
            assertThat(server.getAttribute(name, "Groups")).as("%s", name).isEqualTo("watched");
            assertThat(server.getAttribute(name, "SendsInFlight")).as("%s", name).isEqualTo(0);
            assertThat(server.getAttribute(name, "SendsQueued")).as("%s", name).isEqualTo(0);
            assertThat(server.getAttribute(name, "MessagesReceived")).as("%s", name).isEqualTo(4L);
            assertThat(server.getAttribute(name, "ReceiveLag")).as("%s", name).isEqualTo(0L);
            assertThat(server.getAttribute(name, "Recoveries")).as("%s", name).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Reconnections")).as("%s", name).isEqualTo(0L);
            assertThat(server.getAttribute(name, "SendRetries")).as("%s", name).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Duplicates")).as("%s", name).isEqualTo(1L);
            assertThat(server.getAttribute(name, "MalformedMessages")).as("%s", name).isEqualTo(0L);
            // Lost without a close frame: no close code.
            assertThat(server.getAttribute(name, "LastCloseCode")).as("%s", name).isNull();
            assertThat((String) server.getAttribute(name, "LastProblem")).as("%s", name)
                    .contains("lost without a close frame");
        }
        assertThat(server.getAttribute(consumer, "ProcessedExchanges")).isEqualTo(4L);
        assertThat(server.getAttribute(consumer, "FailedExchanges")).isEqualTo(0L);

        emulator.get().faults().close(HUB, connection, 1011, "server restarting");
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) server.getAttribute(producer, "Reconnections"))
                .longValue() == 1 && "CONNECTED".equals(server.getAttribute(producer, "ConnectionState"))
                && "watched".equals(server.getAttribute(producer, "Groups")));
        String second = connectionsOf("observed").get(0).connectionId();
        assertThat(second).isNotEqualTo(connection);
        for (ObjectName name : List.of(consumer, producer)) {
            assertThat(server.getAttribute(name, "ConnectionId")).as("%s", name).isEqualTo(second);
            // The emulator refused the recovery of the closed connection with 1008.
            assertThat(server.getAttribute(name, "LastCloseCode")).as("%s", name).isEqualTo(1008);
            assertThat((String) server.getAttribute(name, "LastProblem")).as("%s", name).contains("server restarting");
            assertThat(server.getAttribute(name, "Recoveries")).as("%s", name).isEqualTo(1L);
        }
    }

    private static ObjectName mbean(MBeanServer server, String type, String className) throws Exception {
        return server.queryNames(new ObjectName("org.apache.camel:type=" + type + ",*"), null).stream()
                .filter(name -> name.getKeyProperty("name").contains(className)).findFirst().orElseThrow();
    }
}
