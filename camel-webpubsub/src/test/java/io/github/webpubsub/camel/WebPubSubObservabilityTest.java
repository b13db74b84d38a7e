package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.junit.jupiter.api.Test;

/** What an operator sees of a connection after a drop and its recovery: Camel's dev console. */
class WebPubSubObservabilityTest extends WebPubSubTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:watched?userId=observed").routeId("watched").to("mock:watched");
                from("direct:watched").to("webpubsub:watched?userId=observed");
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

    @Test
    @SuppressWarnings("unchecked")
    void theDevConsoleShowsTheConnectionsFiguresAfterADropAndARecovery() throws Exception {
        await().until(() -> connectionsOf("observed").stream().anyMatch(c -> c.groups().contains("watched")));
        String connection = connectionsOf("observed").get(0).connectionId();
        getMockEndpoint("mock:watched").expectedMessageCount(3);
        for (int i = 0; i < 3; i++) {
            template.sendBody("direct:watched", "m" + i);
        }
        getMockEndpoint("mock:watched").assertIsSatisfied();

        emulator.get().faults().drop(HUB, connection);
        DevConsole console = console();
        await().until(() -> {
            Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
            List<Map<String, Object>> connections = (List<Map<String, Object>>) json.get("connections");
            return connections.size() == 1 && ((Number) connections.get(0).get("recoveries")).longValue() == 1
                    && "CONNECTED".equals(connections.get(0).get("state"));
        });

        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        Map<String, Object> figures = ((List<Map<String, Object>>) json.get("connections")).get(0);
        assertThat(figures).containsEntry("name", "chat/observed").containsEntry("connectionId", connection)
                .containsEntry("userId", "observed").containsEntry("groups", List.of("watched"))
                .containsEntry("messagesReceived", 3L).containsEntry("reconnections", 0L)
                .containsEntry("duplicates", 0L).containsEntry("malformedMessages", 0L)
                .containsEntry("receiveLagLimit", 1000);
        assertThat((String) figures.get("lastProblem")).contains("lost without a close frame");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Connection chat/observed: CONNECTED").contains("recoveries 1")
                .doesNotContain(emulator.get().accessKey()).doesNotContain("access_token");
    }

    @Test
    void jmxShowsTheSharedConnectionOnTheConsumerAfterADropAndARecovery() throws Exception {
        await().until(() -> connectionsOf("observed").stream().anyMatch(c -> c.groups().contains("watched")));
        String connection = connectionsOf("observed").get(0).connectionId();
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        ObjectName consumer = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null).stream()
                .filter(name -> name.getKeyProperty("name").contains("WebPubSubConsumer")).findFirst().orElseThrow();

        emulator.get().faults().drop(HUB, connection);

        await().until(() -> ((Number) server.getAttribute(consumer, "Recoveries")).longValue() == 1
                && "CONNECTED".equals(server.getAttribute(consumer, "ConnectionState")));
        assertThat(server.getAttribute(consumer, "ConnectionId")).isEqualTo(connection);
        assertThat(server.getAttribute(consumer, "Groups")).isEqualTo("watched");
        assertThat(server.getAttribute(consumer, "Reconnections")).isEqualTo(0L);
        assertThat(server.getAttribute(consumer, "ReceiveLag")).isEqualTo(0L);
        assertThat((String) server.getAttribute(consumer, "LastProblem")).contains("lost without a close frame");
        assertThat(server.getAttribute(consumer, "FailedExchanges")).isEqualTo(0L);
    }
}
