package io.github.webpubsub.examples.quarkus;

import org.apache.camel.builder.RouteBuilder;

import io.github.webpubsub.camel.WebPubSubConstants;

/**
 * The chat bridge, as in the Camel Main example. Browser messages in group {@code chat} go to a JMS queue; an
 * assistant behind the queue answers; whatever arrives on the outgoing queue is published to the group, acked and
 * retried without duplicates.
 * <p>
 * The URIs carry no connection settings: the connection string, hub, user id and timeouts are component options
 * from {@code application.properties}, so every {@code webpubsub} endpoint here shares one connection. Camel Quarkus
 * finds this class by itself.
 */
public class ChatRoutes extends RouteBuilder {

    /** The group the chat page joins. */
    public static final String GROUP = "chat";

    @Override
    public void configure() {
        // Group messages from browsers (and any other member) to the broker, with the sender's name as a header.
        from("webpubsub:" + GROUP).routeId("chat-to-broker")
                .log("chat <- ${header." + WebPubSubConstants.FROM_USER_ID + "}: ${body}")
                .setHeader("chatUser", header(WebPubSubConstants.FROM_USER_ID))
                .to("jms:queue:chat.incoming");

        // The service behind the broker: here, an assistant that answers every message.
        from("jms:queue:chat.incoming").routeId("assistant")
                .transform(simple("Camel got \"${body}\" from ${header.chatUser}"))
                .to("jms:queue:chat.outgoing");

        // Anything on the outgoing queue is published to the group. noEcho: the bridge's own consumer must not
        // receive what it publishes, or messages would go round.
        from("jms:queue:chat.outgoing").routeId("broker-to-chat")
                .to("webpubsub:" + GROUP + "?noEcho=true")
                .log("chat -> ${body} (ackId ${header." + WebPubSubConstants.ACK_ID + "})");

        // Messages the server sends to this connection, its user or everyone (REST API, other app servers).
        from("webpubsub:?events=server-message").routeId("server-messages")
                .log("server message: ${body}");
    }
}
