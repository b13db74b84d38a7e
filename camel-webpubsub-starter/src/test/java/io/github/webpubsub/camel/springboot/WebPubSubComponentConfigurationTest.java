package io.github.webpubsub.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Spring Boot configuration metadata that IDEs read (written by spring-boot-configuration-processor) names
 * every option of the component's catalog metadata, with its type, default, description and values, and nothing
 * the component does not have.
 */
class WebPubSubComponentConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = WebPubSubComponentConfiguration.PREFIX + ".";

    /** Properties every Camel starter has, from camel-spring-boot's common base. */
    private static final Set<String> STARTER_OWN = Set.of("enabled", "customizer.enabled");

    @Test
    void everyComponentOptionIsAPropertyWithItsDefaultAndDescription() throws IOException {
        Map<String, JsonNode> properties = springProperties();
        JsonNode options = componentCatalog().get("componentProperties");

        List<String> missing = new ArrayList<>();
        options.fields().forEachRemaining(option -> {
            JsonNode property = properties.get(kebab(option.getKey()));
            if (property == null) {
                missing.add(option.getKey());
                return;
            }
            JsonNode metadata = option.getValue();
            assertThat(property.path("type").asText()).as(option.getKey())
                    .isEqualToIgnoringWhitespace(expectedType(metadata));
            assertThat(property.path("defaultValue").asText(null)).as("default of %s", option.getKey())
                    .isEqualTo(expectedDefault(metadata));
            assertThat(property.path("description").asText()).as("description of %s", option.getKey())
                    .startsWith(metadata.get("description").asText().replaceAll("\\{code ([^}]*)}", "$1"));
        });
        assertThat(missing).as("component options with no Spring Boot property").isEmpty();
    }

    @Test
    void everyPropertyIsAComponentOption() throws IOException {
        Set<String> options = new TreeSet<>();
        componentCatalog().get("componentProperties").fieldNames().forEachRemaining(name -> options.add(kebab(name)));

        Set<String> extra = new TreeSet<>(springProperties().keySet());
        extra.removeAll(options);
        STARTER_OWN.forEach(name -> extra.remove(PREFIX + name));
        assertThat(extra).as("properties the component does not have").isEmpty();
    }

    @Test
    void optionsWithAFixedSetOfValuesOfferThemForCompletion() throws IOException {
        Map<String, List<String>> hints = new HashMap<>();
        for (JsonNode hint : springMetadata().path("hints")) {
            List<String> values = new ArrayList<>();
            hint.path("values").forEach(value -> values.add(value.get("value").asText()));
            hints.put(hint.get("name").asText(), values);
        }
        componentCatalog().get("componentProperties").fields().forEachRemaining(option -> {
            JsonNode metadata = option.getValue();
            if (metadata.get("type").asText().equals("enum") && metadata.get("javaType").asText().equals("java.lang.String")) {
                List<String> values = new ArrayList<>();
                metadata.get("enum").forEach(value -> values.add(value.asText()));
                assertThat(hints.get(kebab(option.getKey()))).as("values of %s", option.getKey()).isEqualTo(values);
            }
        });
    }

    private static String expectedType(JsonNode option) {
        String javaType = option.get("javaType").asText();
        if (option.get("type").asText().equals("duration")) {
            return "java.time.Duration";
        }
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            default -> javaType;
        };
    }

    private static String expectedDefault(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        if (value == null) {
            return null;
        }
        // The processor writes an enum constant's default in Spring's lower-case form.
        return option.get("javaType").asText().equals("io.github.webpubsub.camel.WebPubSubOperation")
                ? value.asText().toLowerCase() : value.asText();
    }

    private static String kebab(String option) {
        return PREFIX + option.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static Map<String, JsonNode> springProperties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        springMetadata().path("properties").forEach(property -> properties.put(property.get("name").asText(), property));
        return properties;
    }

    /** Ours among every jar's metadata on the class path (Spring Boot's and Camel's have their own). */
    private static JsonNode springMetadata() throws IOException {
        for (URL url : Collections.list(WebPubSubComponentConfigurationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata = read(url);
            for (JsonNode group : metadata.path("groups")) {
                if (group.path("type").asText().equals(WebPubSubComponentConfiguration.class.getName())) {
                    return metadata;
                }
            }
        }
        throw new AssertionError("no spring-configuration-metadata.json for " + WebPubSubComponentConfiguration.class);
    }

    private static JsonNode componentCatalog() throws IOException {
        URL url = WebPubSubComponentConfigurationTest.class.getClassLoader()
                .getResource("META-INF/io/github/webpubsub/camel/webpubsub.json");
        assertThat(url).as("the component's catalog metadata").isNotNull();
        return read(url);
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }
}
