package io.github.webpubsub.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * A wrong property stops the application at startup with a message that names it, before any connection is
 * opened, and the message never shows the connection string's key.
 */
class StartupFailureTest {

    /** One per test, so that a connection one test opened never counts in another. */
    @RegisterExtension
    WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @Test
    void aDurationThatIsNotOneNamesTheProperty() {
        assertThat(startupFailure("camel.component.webpubsub.ack-timeout=soon"))
                .contains("camel.component.webpubsub.ack-timeout").contains("soon");
    }

    @Test
    void aMisspelledPropertyIsNotIgnored() {
        assertThat(startupFailure("camel.component.webpubsub.ack-timout=10s"))
                .contains("camel.component.webpubsub.ack-timout");
    }

    @Test
    void aValueTheComponentDoesNotKnowNamesTheOption() {
        assertThat(startupFailure("camel.component.webpubsub.ack-mode=sometimes"))
                .contains("ackMode").contains("sometimes").contains("afterProcessing or onReceipt");
    }

    @Test
    void aBeanOptionGivenAsTextNamesTheProperty() {
        assertThat(startupFailure("camel.component.webpubsub.ssl-context-parameters=strict"))
                .contains("camel.component.webpubsub.ssl-context-parameters").contains("#name");
    }

    @Test
    void noCredentialSaysWhichOptionsWouldDo() {
        assertThatThrownBy(() -> run(List.of()).close()).satisfies(failure -> assertThat(chain(failure))
                .contains("No credential").contains("connectionString"));
    }

    private String startupFailure(String property) {
        List<String> properties = new ArrayList<>();
        properties.add("camel.component.webpubsub.connection-string=" + emulator.get().connectionString());
        properties.add(property);
        Throwable failure = null;
        try (ConfigurableApplicationContext unexpected = run(properties)) {
            // Started: the assertion below fails.
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("startup with %s", property).isNotNull();
        String messages = chain(failure);
        assertThat(messages).doesNotContain(emulator.get().accessKey());
        assertThat(emulator.get().connections("chat")).as("connections opened").isEmpty();
        return messages;
    }

    /** Properties as command-line arguments: they override the test's application.properties, as they would an app's. */
    private static ConfigurableApplicationContext run(List<String> properties) {
        return new SpringApplicationBuilder(BridgeApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    /** Every message of the cause chain, as a user reads them in the startup failure. */
    private static String chain(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
