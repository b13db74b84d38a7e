package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reflection configuration for native images (not built here) keeps up with the classes Camel loads by name:
 * every class a generated service file names is registered, and every registered class exists.
 */
class NativeImageConfigTest {

    private static final String REFLECT_CONFIG = "/META-INF/native-image/io.github.webpubsub/camel-webpubsub/reflect-config.json";
    private static final Path SERVICES = Path.of("src/generated/resources/META-INF/services/org/apache/camel");

    @Test
    void everyClassCamelLoadsByNameIsRegisteredForReflection() throws IOException {
        Set<String> registered = registered();

        assertThat(registered).containsAll(serviceClasses())
                .contains(WebPubSubConfiguration.class.getName(), WebPubSubOperation.class.getName(),
                        WebPubSubEventType.class.getName());
    }

    @Test
    void everyRegisteredClassExists() throws IOException {
        assertThat(registered()).allSatisfy(name -> Class.forName(name, false, getClass().getClassLoader()));
    }

    private static Set<String> registered() throws IOException {
        try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(REFLECT_CONFIG)) {
            assertThat(in).as(REFLECT_CONFIG).isNotNull();
            Set<String> names = new HashSet<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                names.add(entry.get("name").asText());
            }
            return names;
        }
    }

    /** The {@code class=} of every service file (component, configurers, URI factory, send-dynamic, dev console). */
    private static Set<String> serviceClasses() throws IOException {
        Set<String> classes = new HashSet<>();
        try (Stream<Path> files = Files.walk(SERVICES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Properties service = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    service.load(reader);
                }
                if (service.getProperty("class") != null) {
                    classes.add(service.getProperty("class"));
                }
            }
        }
        assertThat(classes).hasSizeGreaterThanOrEqualTo(6);
        return classes;
    }
}
