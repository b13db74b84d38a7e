package io.github.webpubsub.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * The application as the README runs it, in a JVM of its own: with WEBPUBSUB_CONNECTION_STRING set it uses that
 * service (here the test's emulator, standing in for Azure) and starts no emulator of its own.
 */
class ConnectionStringFromEnvironmentTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension service = new WebPubSubEmulatorExtension();

    @Test
    void theBridgeConnectsToTheServiceTheEnvironmentNames(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("bridge.log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ChatBridgeApplication.class.getName(), "--server.port=0")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("WEBPUBSUB_CONNECTION_STRING", service.get().connectionString());
        builder.environment().put("WEBPUBSUB_HUB", "support");
        Process bridge = builder.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> service.get().connections("support").stream()
                    .anyMatch(c -> "camel-bridge".equals(c.userId()) && c.groups().contains("chat")));
        } finally {
            bridge.destroy();
            if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
                bridge.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("embedded emulator").doesNotContain("SECURITY WARNING")
                .doesNotContain(service.get().accessKey());
    }
}
