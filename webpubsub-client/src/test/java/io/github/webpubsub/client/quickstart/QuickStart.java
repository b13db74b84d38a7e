package io.github.webpubsub.client.quickstart;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;

/** The program of docs/client.md: connect, join, send, receive. Its argument is a connection string. */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        // docs:begin
        WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions.of(
                ConnectionStringCredential.builder(args[0], "chat").userId("bot")
                        .roles(List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup")).build()));
        CountDownLatch received = new CountDownLatch(1);
        client.addListener(event -> {
            if (event instanceof WebPubSubEvent.GroupMessage message) {
                System.out.println(message.group() + ": " + message.data().asText());
                received.countDown();
            }
        });
        client.start().get(30, TimeUnit.SECONDS);                 // the first "connected"
        client.joinGroup("room1").get(30, TimeUnit.SECONDS);      // the join's ack
        client.sendToGroup("room1", MessageData.text("hello")).get(30, TimeUnit.SECONDS);
        received.await(30, TimeUnit.SECONDS);                     // our own message, back from the group
        client.close();                                          // closes the Vert.x it created
        // docs:end
    }
}
