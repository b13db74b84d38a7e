package io.github.webpubsub.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import io.github.webpubsub.client.ConnectionString;

/**
 * Send and receive real-time group messages through Azure Web PubSub, with acked sends, retries that never publish
 * twice, and connection recovery that loses no message.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "webpubsub", title = "Azure Web PubSub", syntax = "webpubsub:group",
        category = { Category.CLOUD, Category.MESSAGING }, headersClass = WebPubSubConstants.class)
public class WebPubSubEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private WebPubSubConfiguration configuration;

    /** An endpoint with its own copy of the options. */
    public WebPubSubEndpoint(String uri, WebPubSubComponent component, WebPubSubConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public WebPubSubComponent getComponent() {
        return (WebPubSubComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new WebPubSubProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.consumerEvents().contains(WebPubSubEventType.GROUP_MESSAGE) && !configuration.hasGroup()) {
            throw new IllegalArgumentException("A consumer of group-message events needs a group in the endpoint path"
                    + " (webpubsub:myGroup), or the option events set to what it should receive instead");
        }
        if (getExchangePattern() == ExchangePattern.InOut) {
            throw new IllegalArgumentException("Invalid option exchangePattern=InOut on a webpubsub consumer: Web PubSub"
                    + " messages have no reply channel. Publish a reply with a producer (to(\"webpubsub:...\")) instead");
        }
        WebPubSubConsumer consumer = new WebPubSubConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public String getServiceUrl() {
        if (configuration.getConnectionString() != null) {
            return ConnectionString.parse(configuration.getConnectionString()).endpoint();
        }
        String url = configuration.getClientAccessUrl();
        if (url != null) {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }
        return null;
    }

    @Override
    public String getServiceProtocol() {
        return "websocket";
    }

    /** The endpoint's options. */
    public WebPubSubConfiguration getConfiguration() {
        return configuration;
    }

    /** Replaces the endpoint's options. */
    public void setConfiguration(WebPubSubConfiguration configuration) {
        this.configuration = configuration;
    }

    SharedConnection acquireConnection() {
        return getComponent().connections().acquire(configuration, getCamelContext());
    }

    /** The connection for a producer: never the one that holds the consumers' state (see forProducer). */
    SharedConnection acquireProducerConnection() {
        return getComponent().connections().acquire(configuration.forProducer(), getCamelContext());
    }

    void releaseConnection(SharedConnection connection) {
        getComponent().connections().release(connection);
    }
}
