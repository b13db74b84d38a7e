package io.github.webpubsub.examples;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.client.ConnectionString;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.vertx.core.Vertx;

/**
 * The example: a Camel Main application bridging a browser chat, through Web PubSub, to a message broker.
 * <p>
 * With no settings it starts the Web PubSub emulator and an ActiveMQ Artemis broker in-process; with
 * {@code WEBPUBSUB_CONNECTION_STRING} (and {@code WEBPUBSUB_HUB}) it uses that service instead, with no other change.
 * See {@link ExampleSettings} for every setting.
 */
public final class ExampleApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleApp.class);

    private final ExampleSettings settings;
    private final Main main = new Main();
    private WebPubSubEmulator emulator;
    private EmbeddedArtemis artemis;
    private String connectionString;
    private Vertx vertx;

    private ExampleApp(ExampleSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        ExampleApp app = new ExampleApp(ExampleSettings.fromEnvironment());
        app.configure();
        app.main.run(args);
        app.stopInfrastructure();
    }

    /** Starts the example in the background, for tests; {@link #close()} stops everything it started. */
    public static ExampleApp start(ExampleSettings settings) throws Exception {
        ExampleApp app = new ExampleApp(settings);
        app.configure();
        app.main.start();
        return app;
    }

    private void configure() throws Exception {
        if (settings.connectionString() == null) {
            emulator = WebPubSubEmulator.builder().port(settings.emulatorPort()).start();
            connectionString = emulator.connectionString();
            LOG.info("Web PubSub: the embedded emulator at {}, hub '{}' (set WEBPUBSUB_CONNECTION_STRING to use Azure)",
                    emulator.endpoint(), settings.hub());
        } else {
            connectionString = settings.connectionString();
            LOG.info("Web PubSub: {}, hub '{}'", ConnectionString.parse(connectionString).endpoint(), settings.hub());
        }
        // The connection goes on the component, so every webpubsub endpoint below only says what differs. Set in
        // code rather than as a plain-text property, which Camel rightly warns about for a secret.
        WebPubSubComponent webPubSub = new WebPubSubComponent();
        webPubSub.getConfiguration().setConnectionString(connectionString);
        webPubSub.getConfiguration().setHub(settings.hub());
        main.bind("webpubsub", webPubSub);
        // One Vert.x for the HTTP server and the Web PubSub connections: the component autowires it.
        vertx = Vertx.vertx();
        main.bind("vertx", vertx);
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("0.0.0.0");
        http.setBindPort(settings.httpPort());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                try {
                    configured.getCamelContext().addService(new VertxPlatformHttpServer(http));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot start the HTTP server on port " + settings.httpPort(), e);
                }
            }
        });
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:routes/*.yaml");
        main.addInitialProperty("camel.main.name", "webpubsub-example");

        if (settings.bridge().equals("kafka")) {
            main.addInitialProperty("camel.component.kafka.brokers", settings.kafkaBrokers());
            main.configure().addRoutesBuilder(ChatRoutes.kafka());
            LOG.info("Broker: Kafka at {}, topics chat-incoming and chat-outgoing", settings.kafkaBrokers());
        } else {
            String brokerUrl = settings.artemisUrl();
            if (brokerUrl == null) {
                artemis = new EmbeddedArtemis();
                brokerUrl = EmbeddedArtemis.URL;
                LOG.info("Broker: the embedded ActiveMQ Artemis, queues chat.incoming and chat.outgoing"
                        + " (set ARTEMIS_URL to use your own)");
            } else {
                LOG.info("Broker: ActiveMQ Artemis at {}, queues chat.incoming and chat.outgoing", brokerUrl);
            }
            main.bind("jms", JmsComponent.jmsComponentAutoAcknowledge(new ActiveMQConnectionFactory(brokerUrl)));
            main.configure().addRoutesBuilder(ChatRoutes.jms());
        }
        main.configure().addRoutesBuilder(new WebRoutes(new Negotiator(connectionString, settings.hub(), ChatRoutes.GROUP)));
        LOG.info("Chat page: http://localhost:{}/ (open it in two browser tabs)", settings.httpPort());
    }

    /** The running CamelContext. */
    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** The in-process emulator, or {@code null} when a real service is used. */
    public WebPubSubEmulator emulator() {
        return emulator;
    }

    /** How many messages the embedded broker took into a queue, or -1 without an embedded broker or such a queue. */
    public long brokerMessagesAdded(String queue) {
        return artemis == null ? -1 : artemis.messagesAdded(queue);
    }

    @Override
    public void close() throws Exception {
        main.stop();
        stopInfrastructure();
    }

    private void stopInfrastructure() throws Exception {
        if (artemis != null) {
            artemis.close();
            artemis = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        if (vertx != null) {
            vertx.close();
            vertx = null;
        }
    }
}
