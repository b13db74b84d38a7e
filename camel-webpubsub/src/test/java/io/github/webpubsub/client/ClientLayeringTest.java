package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The client is a standalone library: nothing in it may depend on Camel. */
class ClientLayeringTest {

    @Test
    void theClientPackageImportsNothingFromCamel() throws IOException {
        Path clientSources = Path.of("src/main/java/io/github/webpubsub/client");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(clientSources)) {
            offenders = files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    String source = Files.readString(file);
                    return source.contains("org.apache.camel") || source.contains("io.github.webpubsub.camel");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(clientSources).isDirectory();
        assertThat(offenders).isEmpty();
    }
}
