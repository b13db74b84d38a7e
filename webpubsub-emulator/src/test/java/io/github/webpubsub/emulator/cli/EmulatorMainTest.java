package io.github.webpubsub.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.GetClientAccessTokenOptions;

import io.github.webpubsub.emulator.support.RawClient;

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
    void aBadOptionExitsWithUsage() throws Exception {
        Process process = launch("--port", "eighty");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port must be a number, not 'eighty'", "Usage:");
    }
}
