package io.github.webpubsub.camel.springboot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/** A browser's stand-in: a client of its own that has joined one group and collects what arrives in it. */
final class GroupPeer implements AutoCloseable {

    private final WebPubSubClient client;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    GroupPeer(WebPubSubEmulator emulator, String hub, String group) throws Exception {
        client = WebPubSubClient.create(WebPubSubClientOptions.of(
                ConnectionStringCredential.builder(emulator.connectionString(), hub).userId("browser")
                        .roles(List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup")).build()));
        client.addListener(event -> {
            if (event instanceof WebPubSubEvent.GroupMessage message && message.group().equals(group)) {
                received.add(message.data().asText());
            }
        });
        client.start().get(30, TimeUnit.SECONDS);
        client.joinGroup(group).get(30, TimeUnit.SECONDS);
    }

    void send(String group, String text) throws Exception {
        client.sendToGroup(group, MessageData.text(text)).get(30, TimeUnit.SECONDS);
    }

    /** The next text in the group, or null after the timeout. */
    String next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        client.close();
    }
}
