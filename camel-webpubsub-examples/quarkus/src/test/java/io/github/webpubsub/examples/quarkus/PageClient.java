package io.github.webpubsub.examples.quarkus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.json.JsonObject;

/** The browser stand-in: does what the chat page does, negotiates a URL with the app, then joins the chat over it. */
final class PageClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebPubSubClient client;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private PageClient(String url) {
        // The page's subprotocol: plain json, as a browser WebSocket uses it.
        client = WebPubSubClient.create(WebPubSubClientOptions.of(ClientAccessUrlProvider.fixed(url))
                .setProtocol(WebPubSubProtocol.JSON));
        client.addListener(any -> {
            if (any instanceof WebPubSubEvent.GroupMessage event) {
                lines.add(event.fromUserId() + ": " + event.data().asText());
            }
        });
        client.start().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Negotiates as {@code user} with the app at {@code baseUrl} (ending in '/') and connects. */
    static PageClient connect(String baseUrl, String user) throws IOException, InterruptedException {
        return new PageClient(negotiate(baseUrl, user).getString("url"));
    }

    /** The app's negotiate answer for a user. */
    static JsonObject negotiate(String baseUrl, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "negotiate?user=" + user))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("negotiate answered " + response.statusCode());
        }
        return new JsonObject(response.body());
    }

    /** Sends a line to a group, as the page's Send button does, and waits for the service's ack. */
    SendResult say(String group, String text) {
        return client.sendToGroup(group, MessageData.text(text)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Every group message received so far, as "user: text". */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        client.close();
    }
}
