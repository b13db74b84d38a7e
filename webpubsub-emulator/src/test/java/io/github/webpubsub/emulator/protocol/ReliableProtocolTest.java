package io.github.webpubsub.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.json.JsonObject;

/** Sequence ids, the unacked buffer and its limits, recovery and the recovery window. */
class ReliableProtocolTest {

    private static final String HUB = "hub1";
    private static final List<String> ALL = List.of("webpubsub.joinLeaveGroup", "webpubsub.sendToGroup");
    private static String recoveryUrl(WebPubSubEmulator emulator, JsonObject connected) {
        return emulator.endpoint().replace("http", "ws") + "/client/hubs/" + HUB + "?awps_connection_id="
                + connected.getString("connectionId") + "&awps_reconnection_token=" + connected.getString("reconnectionToken");
    }

    private static void publish(RawClient sender, int from, int to) {
        IntStream.range(from, to).forEach(i -> sender.send(new JsonObject().put("type", "sendToGroup").put("group", "g")
                .put("dataType", "text").put("data", "m" + i)));
    }

    @Test
    void aRecoveryRedeliversUnackedMessagesInOrderWithTheirSequenceIds() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                RawClient sender = RawClient.reliable(emulator.clientAccessUrl(HUB, "s", ALL, List.of()));
                RawClient receiver = RawClient.reliable(emulator.clientAccessUrl(HUB, "r", ALL, List.of("g")))) {
            sender.connected();
            JsonObject connected = receiver.connected();
            publish(sender, 0, 10);
            Awaitility.await().until(() -> receiver.messages().size() == 10);
            receiver.send(new JsonObject().put("type", "sequenceAck").put("sequenceId", 4));
            Awaitility.await().until(() -> emulator.connection(HUB, connected.getString("connectionId")).orElseThrow().unacked() == 6);

            emulator.faults().drop(HUB, connected.getString("connectionId"));
            receiver.awaitClosed();
            publish(sender, 10, 15);
            Awaitility.await().until(() -> emulator.connection(HUB, connected.getString("connectionId")).orElseThrow().unacked() == 11);

            try (RawClient recovered = RawClient.reliable(recoveryUrl(emulator, connected))) {
                JsonObject again = recovered.connected();
                assertThat(again.getString("connectionId")).isEqualTo(connected.getString("connectionId"));
                assertThat(again.getString("reconnectionToken")).isNotEqualTo(connected.getString("reconnectionToken"));
                Awaitility.await().until(() -> recovered.messages().size() == 11);
                assertThat(recovered.messages()).extracting(m -> m.getLong("sequenceId"))
                        .containsExactlyElementsOf(IntStream.rangeClosed(5, 15).mapToObj(Long::valueOf).toList());
                assertThat(recovered.messages()).extracting(m -> m.getString("data"))
                        .containsExactlyElementsOf(IntStream.range(4, 15).mapToObj(i -> "m" + i).toList());
                // Groups survive a recovery.
                publish(sender, 15, 16);
                Awaitility.await().until(() -> recovered.messages().size() == 12);
            }
        }
    }

    @Test
    void aConnectionOverItsUnackedLimitIsClosedAndCannotRecover() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().reliableBuffer(20, 1 << 20).start();
                RawClient sender = RawClient.reliable(emulator.clientAccessUrl(HUB, "s", ALL, List.of()));
                RawClient slow = RawClient.reliable(emulator.clientAccessUrl(HUB, "r", ALL, List.of("g")))) {
            sender.connected();
            JsonObject connected = slow.connected();
            publish(sender, 0, 21);

            slow.awaitClosed();
            assertThat(slow.closeCode()).isEqualTo((short) 1008);
            assertThat(slow.await(f -> "disconnected".equals(f.getString("event"))).getString("message")).startsWith("SlowClient");
            assertThat(slow.messages()).hasSize(20);
            try (RawClient recovery = RawClient.reliable(recoveryUrl(emulator, connected))) {
                recovery.awaitClosed();
                assertThat(recovery.closeCode()).isEqualTo((short) 1008);
            }
            assertThat(sender.isClosed()).isFalse();
        }
    }

    @Test
    void aRecoveryAfterTheWindowIsAcceptedAndClosedWith1008() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().recoveryWindow(Duration.ofMillis(300)).start();
                RawClient client = RawClient.reliable(emulator.clientAccessUrl(HUB, "u", ALL, List.of("g")))) {
            JsonObject connected = client.connected();
            emulator.faults().drop(HUB, connected.getString("connectionId"));
            Awaitility.await().until(() -> emulator.connection(HUB, connected.getString("connectionId")).isEmpty());

            try (RawClient late = RawClient.reliable(recoveryUrl(emulator, connected))) {
                late.awaitClosed();
                assertThat(late.closeCode()).isEqualTo((short) 1008);
                assertThat(late.closeReason()).isEqualTo("The connection could not be recovered.");
                assertThat(late.frames()).noneMatch(f -> "connected".equals(f.getString("event")));
            }
        }
    }

    @Test
    void aRecoveryWithAWrongTokenOrOnTheNonReliableProtocolIsRefused() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                RawClient client = RawClient.reliable(emulator.clientAccessUrl(HUB, "u", ALL, List.of()))) {
            JsonObject connected = client.connected();
            emulator.faults().drop(HUB, connected.getString("connectionId"));
            client.awaitClosed();
            JsonObject forged = connected.copy().put("reconnectionToken", "forged");
            try (RawClient wrong = RawClient.reliable(recoveryUrl(emulator, forged));
                    RawClient plain = RawClient.connect(recoveryUrl(emulator, connected), "json.webpubsub.azure.v1")) {
                wrong.awaitClosed();
                plain.awaitClosed();
                assertThat(wrong.closeCode()).isEqualTo((short) 1008);
                assertThat(plain.closeCode()).isEqualTo((short) 1008);
            }
            emulator.faults().refuseRecoveries(1);
            try (RawClient refused = RawClient.reliable(recoveryUrl(emulator, connected))) {
                refused.awaitClosed();
                assertThat(refused.closeCode()).isEqualTo((short) 1008);
            }
            try (RawClient recovered = RawClient.reliable(recoveryUrl(emulator, connected))) {
                assertThat(recovered.connected().getString("connectionId")).isEqualTo(connected.getString("connectionId"));
            }
        }
    }

    @Test
    void aSilencedConnectionGetsNothingUntilItRecovers() {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start();
                RawClient sender = RawClient.reliable(emulator.clientAccessUrl(HUB, "s", ALL, List.of()));
                RawClient client = RawClient.reliable(emulator.clientAccessUrl(HUB, "u", ALL, List.of("g")))) {
            sender.connected();
            JsonObject connected = client.connected();
            emulator.faults().silence(HUB, connected.getString("connectionId"));
            client.send(new JsonObject().put("type", "ping"));
            publish(sender, 0, 3);
            Awaitility.await().until(() -> emulator.connection(HUB, connected.getString("connectionId")).orElseThrow().unacked() == 3);
            assertThat(client.frames()).noneMatch(f -> "pong".equals(f.getString("type")) || "message".equals(f.getString("type")));

            try (RawClient recovered = RawClient.reliable(recoveryUrl(emulator, connected))) {
                Awaitility.await().until(() -> recovered.messages().size() == 3);
            }
        }
    }
}
