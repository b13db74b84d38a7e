package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * Everything the client (and the emulator) logs through a connect, a recovery, a new connection, a stop and a
 * rejected credential: no access key, access token or reconnection token may appear. slf4j-simple writes to
 * System.err, which this test captures.
 */
class SecretsInLogsTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        originalErr.print(captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noSecretReachesTheLogs() {
        WebPubSubEmulator e = emulator.get();
        RecordingListener events = new RecordingListener();
        WebPubSubClient client = clients.started(Clients.options(e, "alice"), events);
        client.joinGroup("g").orTimeout(30, TimeUnit.SECONDS).join();
        e.faults().drop(Clients.HUB, client.connectionId());
        await().until(() -> client.state() == ClientState.CONNECTED);
        e.faults().close(Clients.HUB, client.connectionId(), 1008, "policy");
        await().until(() -> events.of(WebPubSubEvent.Connected.class).size() == 2);
        client.stop().orTimeout(30, TimeUnit.SECONDS).join();

        String wrongKey = e.connectionString().replace(e.accessKey(), WebPubSubEmulator.randomAccessKey());
        WebPubSubClient rejected = clients.create(Clients.options(e, "mallory")
                .setCredential(ConnectionStringCredential.builder(wrongKey, Clients.HUB).build()), new RecordingListener());
        assertThatThrownBy(() -> rejected.start().orTimeout(30, TimeUnit.SECONDS).join()).hasMessageContaining("401");

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("RECOVERING").contains("RECONNECTING").contains("rejected the credential");
        assertThat(logs).doesNotContain(e.accessKey())
                .doesNotContainPattern("access_token=(?!\\*\\*\\*)")
                .doesNotContainPattern("awps_reconnection_token=(?!\\*\\*\\*)")
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
    }
}
