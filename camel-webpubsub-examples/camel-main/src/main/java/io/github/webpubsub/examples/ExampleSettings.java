package io.github.webpubsub.examples;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the example connects to, read from environment variables (or system properties of the same name in lower
 * case with dots, e.g. {@code webpubsub.connection.string}). Everything has a local default.
 *
 * @param connectionString {@code WEBPUBSUB_CONNECTION_STRING}: a Web PubSub service; unset, an emulator runs in-process
 * @param hub              {@code WEBPUBSUB_HUB}: the hub, {@code chat} by default
 * @param emulatorPort     {@code WEBPUBSUB_EMULATOR_PORT}: the in-process emulator's port, 0 (any free port) by default
 * @param httpPort         {@code HTTP_PORT}: where the chat page and the negotiate endpoint are served, 8080 by default
 * @param bridge           {@code EXAMPLE_BRIDGE}: {@code jms} (the default) or {@code kafka}
 * @param artemisUrl       {@code ARTEMIS_URL}: an external ActiveMQ Artemis broker; unset, one runs in-process
 * @param kafkaBrokers     {@code KAFKA_BOOTSTRAP_SERVERS}: the Kafka brokers, for the kafka bridge
 */
public record ExampleSettings(String connectionString, String hub, int emulatorPort, int httpPort, String bridge,
        String artemisUrl, String kafkaBrokers) {

    public ExampleSettings {
        if (!bridge.equals("jms") && !bridge.equals("kafka")) {
            throw new IllegalArgumentException("EXAMPLE_BRIDGE must be jms or kafka, was " + bridge);
        }
        if (bridge.equals("kafka") && kafkaBrokers == null) {
            throw new IllegalArgumentException("EXAMPLE_BRIDGE=kafka needs KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    /** Settings from the environment and system properties. */
    public static ExampleSettings fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            return property != null ? property : System.getenv(name);
        });
    }

    static ExampleSettings from(UnaryOperator<String> source) {
        String hub = source.apply("WEBPUBSUB_HUB");
        String emulatorPort = source.apply("WEBPUBSUB_EMULATOR_PORT");
        String httpPort = source.apply("HTTP_PORT");
        String bridge = source.apply("EXAMPLE_BRIDGE");
        return new ExampleSettings(blankToNull(source.apply("WEBPUBSUB_CONNECTION_STRING")),
                hub == null ? "chat" : hub,
                emulatorPort == null ? 0 : Integer.parseInt(emulatorPort),
                httpPort == null ? 8080 : Integer.parseInt(httpPort),
                bridge == null ? "jms" : bridge.toLowerCase(Locale.ROOT),
                blankToNull(source.apply("ARTEMIS_URL")),
                blankToNull(source.apply("KAFKA_BOOTSTRAP_SERVERS")));
    }

    /** Settings for tests: in-process emulator and broker, the given HTTP port and bridge. */
    public static ExampleSettings local(int httpPort, String bridge, String kafkaBrokers) {
        return new ExampleSettings(null, "chat", 0, httpPort, bridge, null, kafkaBrokers);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
