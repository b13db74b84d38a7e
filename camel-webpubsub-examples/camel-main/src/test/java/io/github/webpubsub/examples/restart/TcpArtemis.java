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

/** A broker in the test's JVM that outlives the bridges: they reach it over TCP. */
final class TcpArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final String url;

    TcpArtemis() throws Exception {
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

    String url() {
        return url;
    }

    /** How many messages the queue holds now. */
    long depth(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        return binding == null ? 0 : binding.getMessageCount();
    }

    /** Takes every message of the queue, in queue order. */
    List<String> drain(String queue) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
                Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message;
            while ((message = consumer.receive(1000)) != null) {
                bodies.add(((TextMessage) message).getText());
            }
        }
        return bodies;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
