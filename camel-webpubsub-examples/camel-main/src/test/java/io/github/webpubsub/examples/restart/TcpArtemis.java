package io.github.webpubsub.examples.restart;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * A broker in the test's JVM that outlives the bridges: they reach it over TCP. Shared by the restart and the
 * high-availability tests.
 */
public final class TcpArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    /** Starts a broker on a free port, without persistence or security. */
    public TcpArtemis() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        url = "tcp://localhost:" + port;
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .setJournalDirectory("target/artemis-restart/journal")
                .addAcceptorConfiguration("tcp", url));
        broker.start();
    }

    /** The URL the bridges connect to. */
    public String url() {
        return url;
    }

    /** How many messages the queue holds now. */
    public long depth(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        return binding == null ? 0 : binding.getMessageCount();
    }

    /** Takes every message of the queue, in queue order. */
    public List<String> drain(String queue) throws Exception {
        return drain(queue, null).stream().map(Received::body).toList();
    }

    /**
     * A message taken from a queue: its text, the string property the test asked for, and when its producer sent it
     * (the JMS timestamp, this machine's clock).
     */
    public record Received(String body, String property, long sentAtMillis) {
    }

    /** Takes every message of the queue, in queue order, with the string property {@code property} (or none). */
    public List<Received> drain(String queue, String property) throws Exception {
        List<Received> received = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message;
            while ((message = consumer.receive(1000)) != null) {
                received.add(new Received(((TextMessage) message).getText(),
                        property == null ? null : message.getStringProperty(property), message.getJMSTimestamp()));
            }
        }
        return received;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
