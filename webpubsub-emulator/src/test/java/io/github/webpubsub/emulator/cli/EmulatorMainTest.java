package io.github.webpubsub.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;

import io.github.webpubsub.emulator.support.RawClient;
import io.vertx.core.json.JsonObject;

/** The command line, run as a user runs it: a separate JVM that prints its connection string. */
class EmulatorMainTest {

    private static Process launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void itPrintsAConnectionStringThatServiceAndClientsCanUse() throws Exception {
        Process process = launch("--port", "0", "--access-key", "local-emulator-access-key-0123456789");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("Connection string: "));
            assertThat(line).matches("Connection string: Endpoint=http://localhost:\\d+;AccessKey=local-emulator-access-key-0123456789;Version=1\\.0;");
            String connectionString = line.substring("Connection string: ".length());

            WebPubSubServiceClient sdk = new WebPubSubServiceClientBuilder().connectionString(connectionString).hub("hub1").buildClient();
            String url = sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("cli-user")).getUrl();
            try (RawClient client = RawClient.reliable(url)) {
                assertThat(client.connected().getString("userId")).isEqualTo("cli-user");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withTraceItPrintsTheTracePageUrlAndTheLiveTraceAsJsonLines() throws Exception {
        Process process = launch("--port", "0", "--access-key", "local-emulator-access-key-0123456789", "--trace");
        // Lines are read on a thread of their own, so that every wait below is bounded.
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                // The process ended.
            }
        }, "cli-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String connectionString = awaitLine(lines, "Connection string: ").substring("Connection string: ".length());
            String endpoint = connectionString.substring("Endpoint=".length(), connectionString.indexOf(';'));
            assertThat(awaitLine(lines, "Live trace: ")).isEqualTo("Live trace: " + endpoint + "/trace");

            WebPubSubServiceClient sdk = new WebPubSubServiceClientBuilder().connectionString(connectionString).hub("hub1").buildClient();
            String url = sdk.getClientAccessToken(new GetClientAccessTokenOptions().setUserId("cli-user")).getUrl();
            try (RawClient client = RawClient.reliable(url)) {
                client.connected();
            }
            JsonObject connected = new JsonObject(awaitLine(lines, "{\"seq\":1,"));
            assertThat(connected.getString("kind")).isEqualTo("connected");
            assertThat(connected.getString("hub")).isEqualTo("hub1");
            assertThat(connected.getString("userId")).isEqualTo("cli-user");
            assertThat(new JsonObject(awaitLine(lines, "{\"seq\":2,")).getString("kind")).isEqualTo("disconnected");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The first line that starts with the prefix; other lines are skipped. */
    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("No line starting with " + prefix + " within 20 s");
    }

    @Test
    void aBadOptionExitsWithUsage() throws Exception {
        Process process = launch("--port", "eighty");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port must be a number, not 'eighty'", "Usage:");
    }
}
