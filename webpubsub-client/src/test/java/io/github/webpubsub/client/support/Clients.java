package io.github.webpubsub.client.support;

import java.time.Duration;
import java.util.List;

import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.emulator.WebPubSubEmulator;

/** Client options for tests: the emulator's connection string, and timings short enough for a test run. */
public final class Clients {

    public static final String HUB = "chat";
    public static final List<String> PUBLISHER = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");

    private Clients() {
    }

    /** A user allowed to join, leave and publish to any group. */
    public static WebPubSubClientOptions options(WebPubSubEmulator emulator, String userId) {
        return options(emulator, userId, PUBLISHER);
    }

    public static WebPubSubClientOptions options(WebPubSubEmulator emulator, String userId, List<String> roles) {
        return WebPubSubClientOptions.of(ConnectionStringCredential.builder(emulator.connectionString(), HUB)
                        .userId(userId).roles(roles).build())
                .setRetryDelay(Duration.ofMillis(100))
                .setMaxRetryDelay(Duration.ofMillis(500))
                .setReconnectDelay(Duration.ofMillis(100))
                .setMaxReconnectDelay(Duration.ofMillis(500))
                .setRecoveryDelay(Duration.ofMillis(100))
                .setSequenceAckInterval(Duration.ofMillis(200));
    }
}
