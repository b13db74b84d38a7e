package io.github.webpubsub.examples.quarkus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.camel.WebPubSubConfiguration;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The negotiate endpoint of the usual Web PubSub pattern, on Quarkus's HTTP server: the chat page asks for a client
 * access URL and gets one with a short-lived token that may only join and publish to the chat group. The page itself
 * is a static resource: the Camel Main example's {@code chat.html}, copied to {@code META-INF/resources} by the
 * build and served at {@code /}.
 */
@ApplicationScoped
public class NegotiateEndpoint {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    @Inject
    CamelContext camelContext;

    private final AtomicInteger guests = new AtomicInteger();

    void routes(@Observes Router router) {
        router.get("/negotiate").handler(this::negotiate);
    }

    private void negotiate(RoutingContext request) {
        // The component's settings as Camel bound them, so the page connects where the bridge does.
        WebPubSubConfiguration settings = camelContext.getComponent("webpubsub", WebPubSubComponent.class)
                .getConfiguration();
        String user = userName(request.queryParams().get("user"));
        String url = ConnectionStringCredential.builder(settings.getConnectionString(), settings.getHub()).userId(user)
                .roles(List.of("webpubsub.sendToGroup." + ChatRoutes.GROUP, "webpubsub.joinLeaveGroup." + ChatRoutes.GROUP))
                .groups(List.of(ChatRoutes.GROUP)).tokenLifetime(TOKEN_LIFETIME).build().mintUrl();
        request.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("url", url).put("user", user).put("group", ChatRoutes.GROUP).encode());
    }

    /** A display name the page may choose: letters, digits, '-' and '_', up to 32; a guest name otherwise. */
    private String userName(String requested) {
        if (requested != null && requested.matches("[A-Za-z0-9_-]{1,32}")) {
            return requested;
        }
        return "guest-" + guests.incrementAndGet();
    }
}
