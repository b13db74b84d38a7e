package io.github.webpubsub.examples.quarkus;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The JMS broker: the one at {@code ARTEMIS_URL}, or else an ActiveMQ Artemis broker inside the application,
 * reachable in-VM only and keeping nothing on disk. Camel's {@code jms} component autowires the connection factory
 * produced here, the only one in the application.
 */
@Singleton
public class Broker {

    private static final Logger LOG = Logger.getLogger(Broker.class);
    private static final String IN_VM_URL = "vm://0";

    @ConfigProperty(name = "artemis.url")
    Optional<String> url;

    private EmbeddedActiveMQ embedded;

    @Produces
    @Singleton
    ConnectionFactory connectionFactory() throws Exception {
        if (url.isPresent()) {
            LOG.info("Broker: ActiveMQ Artemis at ARTEMIS_URL, queues chat.incoming and chat.outgoing");
            return new ActiveMQConnectionFactory(url.get());
        }
        synchronized (this) {
            if (embedded == null) {
                embedded = new EmbeddedActiveMQ();
                embedded.setConfiguration(new ConfigurationImpl()
                        .setPersistenceEnabled(false)
                        .setSecurityEnabled(false)
                        .setJournalDirectory("target/artemis/journal")
                        .addAcceptorConfiguration("in-vm", IN_VM_URL)
                        // Where undeliverable and expired messages go, as on any well-configured broker.
                        .addAddressSetting("#", new AddressSettings()
                                .setDeadLetterAddress(SimpleString.of("DLQ"))
                                .setExpiryAddress(SimpleString.of("ExpiryQueue"))));
                embedded.start();
            }
        }
        LOG.info("Broker: the embedded ActiveMQ Artemis, queues chat.incoming and chat.outgoing"
                + " (set ARTEMIS_URL to use your own)");
        return new ActiveMQConnectionFactory(IN_VM_URL);
    }

    /** How many messages the embedded broker has taken into a queue, or -1 without such a broker or queue. */
    public synchronized long messagesAdded(String queue) {
        if (embedded == null) {
            return -1;
        }
        var binding = embedded.getActiveMQServer().locateQueue(queue);
        return binding == null ? -1 : binding.getMessagesAdded();
    }

    @PreDestroy
    synchronized void stop() throws Exception {
        if (embedded != null) {
            embedded.stop();
            embedded = null;
        }
    }
}
