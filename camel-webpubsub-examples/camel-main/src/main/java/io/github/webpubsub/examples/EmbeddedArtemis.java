package io.github.webpubsub.examples;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** An ActiveMQ Artemis broker inside the example's JVM, reachable in-VM only and keeping nothing on disk. */
final class EmbeddedArtemis implements AutoCloseable {

    /** The in-VM URL clients of this broker use. */
    static final String URL = "vm://0";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    EmbeddedArtemis() throws Exception {
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory("target/artemis/journal")
                .addAcceptorConfiguration("in-vm", URL)
                // Where undeliverable and expired messages go, as on any well-configured broker.
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue"))));
        broker.start();
    }

    /** How many messages the broker has taken into a queue since it started, or -1 if there is no such queue. */
    long messagesAdded(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        return binding == null ? -1 : binding.getMessagesAdded();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
