package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad configuration fails where it is written, with a message naming the option; secrets never show. */
class WebPubSubConfigurationTest {

    private static final String KEY = "s3cr3t-access-key-s3cr3t-access-key-1234";
    private static final String CONNECTION_STRING = "Endpoint=http://localhost:8080;AccessKey=" + KEY + ";Version=1.0;";
    private static final String CS = "connectionString=RAW(" + CONNECTION_STRING + ")";

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private Endpoint endpoint(String uri) {
        return context.getEndpoint(uri);
    }

    private void failsNaming(String uri, String... fragments) {
        assertThatThrownBy(() -> endpoint(uri)).satisfies(e -> {
            String messages = messages(e);
            for (String fragment : fragments) {
                assertThat(messages).contains(fragment);
            }
            assertThat(messages).doesNotContain(KEY);
        });
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aValidEndpointKeepsItsOptions() {
        WebPubSubEndpoint endpoint = (WebPubSubEndpoint) endpoint("webpubsub:g1?" + CS
                + "&hub=chat&userId=u&protocol=json&operation=sendEvent&event=e&dataType=json&ackTimeout=5s&noEcho=true");
        WebPubSubConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getGroup()).isEqualTo("g1");
        assertThat(configuration.getOperation()).isEqualTo(WebPubSubOperation.sendEvent);
        assertThat(configuration.getAckTimeout()).isEqualTo(5_000);
        assertThat(configuration.isNoEcho()).isTrue();
        assertThat(endpoint.getServiceUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void componentOptionsAreEndpointDefaults() {
        WebPubSubComponent component = new WebPubSubComponent();
        component.getConfiguration().setConnectionString(CONNECTION_STRING);
        component.getConfiguration().setHub("chat");
        component.getConfiguration().setMaxRetries(7);
        context.addComponent("webpubsub", component);

        WebPubSubEndpoint endpoint = (WebPubSubEndpoint) endpoint("webpubsub:g2?userId=u");

        assertThat(endpoint.getConfiguration().getHub()).isEqualTo("chat");
        assertThat(endpoint.getConfiguration().getMaxRetries()).isEqualTo(7);
        assertThat(component.getConfiguration().getGroup()).isNull();
    }

    @Test
    void eachBadConfigurationFailsWithAClearMessage() {
        failsNaming("webpubsub:g", "No credential", "connectionString", "clientAccessUrl");
        failsNaming("webpubsub:g?" + CS, "hub", "required");
        failsNaming("webpubsub:g?" + CS + "&hub=1bad", "Invalid option hub");
        failsNaming("webpubsub:g?connectionString=RAW(Endpoint=http://h)&hub=chat", "connectionString", "AccessKey");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&protocol=mqtt", "protocol", "mqtt");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&events=group-message,everything", "events", "everything");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&operation=publish", "operation", "publish");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&dataType=xml", "dataType", "xml");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&bogus=1", "bogus");
        failsNaming("webpubsub:g?clientAccessUrl=RAW(http://host/client)", "clientAccessUrl", "ws://");
        failsNaming("webpubsub:" + "x".repeat(1025) + "?" + CS + "&hub=chat", "group");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&stateFile=s&stateLockMode=steal", "stateLockMode", "steal",
                "wait or newConnection");
        failsNaming("webpubsub:g?" + CS + "&hub=chat&protocol=json&stateFile=s", "stateFile", "json.reliable");
        context.getRegistry().bind("states", new org.apache.camel.support.processor.state.MemoryStateRepository());
        failsNaming("webpubsub:g?" + CS + "&hub=chat&stateFile=s&stateRepository=#states", "stateRepository",
                "not both");
    }

    @Test
    void aConsumerWithNothingToReceiveFailsWhenItsRouteIsCreated() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:?" + CS + "&hub=chat&events=group-message").to("log:never");
            }
        });
        assertThatThrownBy(context::start).satisfies(e -> assertThat(messages(e))
                .contains("group-message events needs a group").doesNotContain(KEY));
    }

    @Test
    void secretsAreMaskedWhereCamelPrintsEndpoints() {
        Endpoint withKey = endpoint("webpubsub:g?" + CS + "&hub=chat");
        Endpoint withUrl = endpoint("webpubsub:g?clientAccessUrl=RAW(wss://h/client/hubs/chat?access_token=eyJ.secret.token)");

        for (Endpoint endpoint : new Endpoint[] {withKey, withUrl}) {
            String printed = URISupport.sanitizeUri(endpoint.getEndpointUri()) + " " + endpoint;
            assertThat(printed).doesNotContain(KEY).doesNotContain("eyJ.secret.token");
        }
    }

    @Test
    void endpointsWithDifferentClientAccessUrlsHaveDifferentUrisThatShowNeitherToken() {
        Endpoint one = endpoint("webpubsub:g?clientAccessUrl=RAW(wss://h/client/hubs/chat?access_token=eyJ.first.token)");
        Endpoint other = endpoint("webpubsub:g?clientAccessUrl=RAW(wss://h/client/hubs/chat?access_token=eyJ.other.token)");
        Endpoint again = endpoint("webpubsub:g?clientAccessUrl=RAW(wss://h/client/hubs/chat?access_token=eyJ.first.token)");

        assertThat(one.getEndpointUri()).isNotEqualTo(other.getEndpointUri()).doesNotContain("first.token")
                .contains("clientAccessUrl=xxxxxx-");
        assertThat(other.getEndpointUri()).doesNotContain("other.token");
        assertThat(again.getEndpointUri()).isEqualTo(one.getEndpointUri());
    }
}
