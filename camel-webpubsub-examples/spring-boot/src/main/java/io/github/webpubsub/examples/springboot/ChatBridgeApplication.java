package io.github.webpubsub.examples.springboot;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.ContextClosedEvent;

import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * The chat bridge as a Spring Boot application: everything is in {@code application.properties}. Run it with
 * {@code WEBPUBSUB_CONNECTION_STRING} (and {@code WEBPUBSUB_HUB}) set to use Azure; without, it starts the Web PubSub
 * emulator in-process first and points the same properties at it.
 */
@SpringBootApplication
public class ChatBridgeApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ChatBridgeApplication.class);

    /** What application.properties falls back to when WEBPUBSUB_CONNECTION_STRING is not set. */
    static final String EMULATOR_CONNECTION_STRING = "example.emulator.connection-string";

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(ChatBridgeApplication.class);
        if (System.getenv("WEBPUBSUB_CONNECTION_STRING") == null) {
            WebPubSubEmulator emulator = WebPubSubEmulator.builder().port(0).start();
            LOG.info("Web PubSub: the embedded emulator at {} (set WEBPUBSUB_CONNECTION_STRING to use Azure)",
                    emulator.endpoint());
            application.setDefaultProperties(Map.of(EMULATOR_CONNECTION_STRING, emulator.connectionString()));
            // Closed after Camel has stopped, so the bridge's connection goes before its service does.
            application.addListeners(event -> {
                if (event instanceof ContextClosedEvent) {
                    emulator.close();
                }
            });
        }
        application.run(args);
    }
}
