package io.github.webpubsub.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.webpubsub.client.ConnectionStringCredential;

/**
 * The negotiate endpoint of the usual Web PubSub pattern: the browser asks the app server for a client access URL,
 * and gets one with a short-lived token that may only join and publish to the chat group.
 */
final class Negotiator implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final String connectionString;
    private final String hub;
    private final String group;
    private final AtomicInteger guests = new AtomicInteger();

    Negotiator(String connectionString, String hub, String group) {
        this.connectionString = connectionString;
        this.hub = hub;
        this.group = group;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String user = userName(exchange.getMessage().getHeader("user", String.class));
        String url = ConnectionStringCredential.builder(connectionString, hub).userId(user)
                .roles(List.of("webpubsub.sendToGroup." + group, "webpubsub.joinLeaveGroup." + group))
                .groups(List.of(group)).tokenLifetime(TOKEN_LIFETIME).build().mintUrl();
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(JSON.writeValueAsString(Map.of("url", url, "user", user, "group", group)));
    }

    /** A display name the page may choose: letters, digits, '-' and '_', up to 32; a guest name otherwise. */
    private String userName(String requested) {
        if (requested != null && requested.matches("[A-Za-z0-9_-]{1,32}")) {
            return requested;
        }
        return "guest-" + guests.incrementAndGet();
    }
}
