package io.github.webpubsub.client.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * The quick-start program of docs/client.md runs in a JVM of its own with nothing but webpubsub-client and its four
 * dependencies (Vert.x with Netty, Jackson, java-jwt, SLF4J) on the class path, and the docs show exactly its code.
 */
class QuickStartTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    /** What webpubsub-client brings to an app's class path; anything else must not be needed. */
    private static final List<String> RUNTIME = List.of("/io/vertx/vertx-core/", "/io/netty/", "/com/fasterxml/jackson/",
            "/com/auth0/java-jwt/", "/org/slf4j/slf4j-api/");

    @Test
    void theProgramConnectsJoinsSendsAndReceivesWithOnlyTheClientOnItsClassPath(@TempDir Path program)
            throws Exception {
        Path compiled = Path.of("target/test-classes/io/github/webpubsub/client/quickstart/QuickStart.class");
        Path copy = program.resolve("io/github/webpubsub/client/quickstart/QuickStart.class");
        Files.createDirectories(copy.getParent());
        Files.copy(compiled, copy);

        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of("target/classes").toAbsolutePath().toString());
        classPath.add(program.toString());
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> RUNTIME.stream().anyMatch(entry.replace('\\', '/')::contains))
                .forEach(classPath::add);
        assertThat(classPath).noneMatch(entry -> entry.contains("camel") || entry.contains("emulator"));

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), QuickStart.class.getName(),
                emulator.get().connectionString()).redirectErrorStream(true).start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            child.destroyForcibly();
        }
        assertThat(finished).as("the program ended within 60 s; it printed:%n%s", output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("room1: hello");
    }

    @Test
    void docsClientMdShowsTheProgramAsItIs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/github/webpubsub/client/quickstart/QuickStart.java"));
        String body = source.substring(source.indexOf("// docs:begin") + "// docs:begin".length(),
                source.indexOf("// docs:end"));
        String docs = Files.readString(Path.of("../docs/client.md"));
        assertThat(normalise(docs)).contains(normalise(body));
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
