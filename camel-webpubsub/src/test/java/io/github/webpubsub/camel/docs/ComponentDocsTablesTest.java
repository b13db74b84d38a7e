package io.github.webpubsub.camel.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The options and headers tables in docs/component.md and webpubsub-component.adoc are what the generated catalog
 * says. When they are not, this test writes them as they should be and fails, so that the change gets committed: on
 * CI, where nothing is committed afterwards, a stale table fails the build.
 */
class ComponentDocsTablesTest {

    private static final Path CATALOG = Path.of("src/generated/resources/META-INF/io/github/webpubsub/camel/webpubsub.json");
    private static final List<Path> DOCS = List.of(Path.of("src/main/docs/webpubsub-component.adoc"),
            Path.of("../docs/component.md"));

    @Test
    void theDocsTablesAreTheCatalogs() throws IOException {
        ComponentDocsTables tables = new ComponentDocsTables(CATALOG);
        List<Path> stale = new ArrayList<>();
        for (Path doc : DOCS) {
            String rendered = tables.render(doc);
            if (!rendered.equals(Files.readString(doc, StandardCharsets.UTF_8))) {
                Files.writeString(doc, rendered, StandardCharsets.UTF_8);
                stale.add(doc);
            }
        }
        assertThat(stale).as("docs tables out of date: rewritten from the catalog, commit them").isEmpty();
    }
}
