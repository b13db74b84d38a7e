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

    private final String toIncoming;
    private final String fromIncoming;
    private final String toOutgoing;
    private final String fromOutgoing;

    /**
     * @param toIncoming   where chat messages go (a JMS queue or Kafka topic endpoint)
     * @param fromIncoming where the assistant reads them
     * @param toOutgoing   where the assistant answers
     * @param fromOutgoing where messages for the chat are read
     */
    private ChatRoutes(String toIncoming, String fromIncoming, String toOutgoing, String fromOutgoing) {
        this.toIncoming = toIncoming;
        this.fromIncoming = fromIncoming;
        this.toOutgoing = toOutgoing;
        this.fromOutgoing = fromOutgoing;
    }

    static ChatRoutes jms() {
        return new ChatRoutes("jms:queue:chat.incoming", "jms:queue:chat.incoming", "jms:queue:chat.outgoing",
                "jms:queue:chat.outgoing");
    }

    static ChatRoutes kafka() {
        // Each consuming route is its own consumer group; a short poll keeps shutdown quick.
        String consumer = "autoOffsetReset=earliest&pollTimeoutMs=1000&groupId=";
        return new ChatRoutes("kafka:chat-incoming", "kafka:chat-incoming?" + consumer + "camel-webpubsub-assistant",
                "kafka:chat-outgoing", "kafka:chat-outgoing?" + consumer + "camel-webpubsub-example");
    }

    @Override
    public void configure() {
        // Group messages from browsers (and any other member) to the broker, with the sender's name as a header.
        from("webpubsub:" + GROUP + "?userId=" + BRIDGE_USER).routeId("chat-to-broker")
                .log("chat <- ${header." + WebPubSubConstants.FROM_USER_ID + "}: ${body}")
                .setHeader("chatUser", header(WebPubSubConstants.FROM_USER_ID))
                .to(toIncoming);

        // The service behind the broker: here, an assistant that answers every message.
        from(fromIncoming).routeId("assistant")
                .transform(simple("Camel got \"${body}\" from ${header.chatUser}"))
                .to(toOutgoing);

        // Anything on the outgoing queue or topic is published to the group. noEcho: the bridge's own consumer
        // must not receive what it publishes, or messages would go round.
        from(fromOutgoing).routeId("broker-to-chat")
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
