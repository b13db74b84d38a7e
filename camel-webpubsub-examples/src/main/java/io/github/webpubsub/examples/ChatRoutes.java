package io.github.webpubsub.examples;

import org.apache.camel.builder.RouteBuilder;

import io.github.webpubsub.camel.WebPubSubConstants;

/**
 * The chat bridge. Browser messages in group {@code chat} go to the broker; a small assistant behind the broker
 * answers; whatever arrives on the outgoing queue or topic is published to the group, acked and retried without
 * duplicates. All {@code webpubsub} endpoints here share one connection (same options), as user
 * {@code camel-bridge}.
 */
final class ChatRoutes extends RouteBuilder {

    static final String GROUP = "chat";
    static final String BRIDGE_USER = "camel-bridge";

    private final String incoming;
    private final String outgoing;

    /**
     * @param incoming where chat messages go (a JMS queue or Kafka topic endpoint)
     * @param outgoing where messages for the chat come from
     */
    ChatRoutes(String incoming, String outgoing) {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    static ChatRoutes jms() {
        return new ChatRoutes("jms:queue:chat.incoming", "jms:queue:chat.outgoing");
    }

    static ChatRoutes kafka() {
        return new ChatRoutes("kafka:chat-incoming",
                "kafka:chat-outgoing?groupId=camel-webpubsub-example&autoOffsetReset=earliest&pollTimeoutMs=1000");
    }

    @Override
    public void configure() {
        // Group messages from browsers (and any other member) to the broker, with the sender's name as a header.
        from("webpubsub:" + GROUP + "?userId=" + BRIDGE_USER).routeId("chat-to-broker")
                .log("chat <- ${header." + WebPubSubConstants.FROM_USER_ID + "}: ${body}")
                .setHeader("chatUser", header(WebPubSubConstants.FROM_USER_ID))
                .to(incoming);

        // The service behind the broker: here, an assistant that answers every message.
        from(incoming.startsWith("kafka:") ? incoming + "?groupId=camel-webpubsub-assistant&autoOffsetReset=earliest&pollTimeoutMs=1000" : incoming)
                .routeId("assistant")
                .transform(simple("Camel got \"${body}\" from ${header.chatUser}"))
                .to(outgoing.replaceFirst("\\?.*", ""));

        // Anything on the outgoing queue or topic is published to the group. noEcho: the bridge's own consumer
        // must not receive what it publishes, or messages would go round.
        from(outgoing).routeId("broker-to-chat")
                .to("webpubsub:" + GROUP + "?userId=" + BRIDGE_USER + "&noEcho=true")
                .log("chat -> ${body} (ackId ${header." + WebPubSubConstants.ACK_ID + "})");

        // Messages the server sends to this connection, its user or everyone (REST API, other app servers).
        from("webpubsub:?userId=" + BRIDGE_USER + "&events=server-message").routeId("server-messages")
                .log("server message: ${body}");

        // A custom event to the hub's event handler, every 30 seconds.
        from("timer:heartbeat?period=30000").routeId("heartbeat")
                .setBody(simple("{\"bridge\":\"" + BRIDGE_USER + "\",\"at\":\"${date:now:yyyy-MM-dd'T'HH:mm:ssZ}\"}"))
                .to("webpubsub:?userId=" + BRIDGE_USER + "&operation=sendEvent&event=heartbeat&dataType=json");
    }
}
