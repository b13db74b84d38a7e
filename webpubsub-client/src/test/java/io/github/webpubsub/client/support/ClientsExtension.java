package io.github.webpubsub.client.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubListener;

/** Creates clients for a test and closes every one of them after it. */
public final class ClientsExtension implements AfterEachCallback {

    private final List<WebPubSubClient> clients = new ArrayList<>();

    /** A client with the listener, not started. */
    public WebPubSubClient create(WebPubSubClientOptions options, WebPubSubListener listener) {
        WebPubSubClient client = WebPubSubClient.create(options).addListener(listener);
        clients.add(client);
        return client;
    }

    /** A client with the listener, started and connected. */
    public WebPubSubClient started(WebPubSubClientOptions options, WebPubSubListener listener) {
        WebPubSubClient client = create(options, listener);
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients.forEach(WebPubSubClient::close);
        clients.clear();
    }
}
