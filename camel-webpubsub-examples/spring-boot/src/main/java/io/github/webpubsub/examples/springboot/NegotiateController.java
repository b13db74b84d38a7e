package io.github.webpubsub.examples.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.webpubsub.camel.WebPubSubConfiguration;
import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.client.ConnectionStringCredential;

/**
 * The negotiate endpoint of the usual Web PubSub pattern: the chat page asks for a client access URL and gets one
 * with a short-lived token that may only join and publish to the chat group. It signs with the component's
 * connection string, as Camel resolved it from {@code camel.component.webpubsub.connection-string}.
 */
@RestController
class NegotiateController {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final CamelContext camelContext;
    private final AtomicInteger guests = new AtomicInteger();

    NegotiateController(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @GetMapping("/negotiate")
    ResponseEntity<Map<String, String>> negotiate(@RequestParam(name = "user", required = false) String requested) {
        String user = requested != null && requested.matches("[A-Za-z0-9_-]{1,32}") ? requested
                : "guest-" + guests.incrementAndGet();
        String group = ChatRoutes.GROUP;
        WebPubSubConfiguration webPubSub = camelContext.getComponent("webpubsub", WebPubSubComponent.class)
                .getConfiguration();
        String url = ConnectionStringCredential.builder(webPubSub.getConnectionString(), webPubSub.getHub()).userId(user)
                .roles(List.of("webpubsub.sendToGroup." + group, "webpubsub.joinLeaveGroup." + group))
                .groups(List.of(group)).tokenLifetime(TOKEN_LIFETIME).build().mintUrl();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("url", url, "user", user, "group", group));
    }
}
