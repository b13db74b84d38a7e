package io.github.webpubsub.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.github.webpubsub.camel.WebPubSubConstants;

/**
 * The chat bridge: browser messages in group {@code chat} go to a JMS queue; an assistant behind the queue answers;
 * the answers are published to the group, acked. The connection, the user and the timeouts are in
 * application.properties; the routes only name the group.
 */
@Component
class ChatRoutes extends RouteBuilder {

    static final String GROUP = "chat";

    @Override
    public void configure() {
        from("webpubsub:" + GROUP).routeId("chat-to-broker")
                .log("chat <- ${header." + WebPubSubConstants.FROM_USER_ID + "}: ${body}")
                .setHeader("chatUser", header(WebPubSubConstants.FROM_USER_ID))
                .to("jms:queue:chat.incoming");

        from("jms:queue:chat.incoming").routeId("assistant")
                .transform(simple("Camel got \"${body}\" from ${header.chatUser}"))
                .to("jms:queue:chat.outgoing");

        // noEcho: the bridge's own consumer must not receive what it publishes, or messages would go round.
        from("jms:queue:chat.outgoing").routeId("broker-to-chat")
                .to("webpubsub:" + GROUP + "?noEcho=true")
                .log("chat -> ${body} (ackId ${header." + WebPubSubConstants.ACK_ID + "})");
    }
}
