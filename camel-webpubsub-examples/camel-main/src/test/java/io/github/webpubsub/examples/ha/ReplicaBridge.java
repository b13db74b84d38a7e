package io.github.webpubsub.examples.ha;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.main.Main;

import io.github.webpubsub.camel.WebPubSubComponent;

/**
 * One replica of a highly available bridge, in a JVM of its own: group {@code numbers} to the JMS queue
 * {@code numbers} on the leader only (a clustered route policy over Camel's file lock cluster service), and on every
 * replica a producer route that publishes the replica's name to the group {@code beats} twice a second.
 * <p>
 * The cluster service is configured as a user would in {@code application.properties} (docs/replicas.md), with
 * short intervals so that the test fails over in about two seconds. Each message put on the queue carries the
 * replica's name in the JMS property {@code bridge}, so that the test sees who delivered what.
 * <p>
 * Arguments: the connection string, the broker URL, the state file, the cluster lock directory, the replica's name.
 */
public final class ReplicaBridge {

    /** The cluster namespace: the file lock is {@code <root>/numbers-bridge}. */
    static final String NAMESPACE = "numbers-bridge";

    private ReplicaBridge() {
    }

    public static void main(String[] args) throws Exception {
        String replica = args[4];
        WebPubSubComponent webPubSub = new WebPubSubComponent();
        webPubSub.getConfiguration().setConnectionString(args[0]);
        webPubSub.getConfiguration().setHub("numbers");
        webPubSub.getConfiguration().setUserId("bridge");
        webPubSub.getConfiguration().setStateFile(args[2]);

        Main main = new Main();
        main.addInitialProperty("camel.main.name", replica);
        main.addInitialProperty("camel.cluster.file.enabled", "true");
        main.addInitialProperty("camel.cluster.file.root", args[3]);
        // The leader writes a heartbeat every 500 ms; a follower takes over after three missed ones.
        main.addInitialProperty("camel.cluster.file.acquireLockInterval", "500");
        main.addInitialProperty("camel.cluster.file.acquireLockIntervalUnit", "MILLISECONDS");
        main.addInitialProperty("camel.cluster.file.acquireLockDelay", "500");
        main.addInitialProperty("camel.cluster.file.acquireLockDelayUnit", "MILLISECONDS");
        main.addInitialProperty("camel.cluster.file.heartbeatTimeoutMultiplier", "3");
        main.bind("webpubsub", webPubSub);
        main.bind("jms", JmsComponent.jmsComponentAutoAcknowledge(new ActiveMQConnectionFactory(args[1])));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                // Started on the leader only; stopped (the connection handed over) when leadership is lost.
                from("webpubsub:numbers").routeId("numbers-to-jms")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(NAMESPACE))
                        .setHeader("bridge", constant(replica))
                        .to("jms:queue:numbers");
                // On every replica: producers keep working on a standby.
                from("timer:beat?period=500").routeId("beats")
                        .setBody(constant(replica))
                        .to("webpubsub:beats");
            }
        });
        main.run();
    }
}
