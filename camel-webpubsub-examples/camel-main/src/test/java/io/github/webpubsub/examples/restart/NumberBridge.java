package io.github.webpubsub.examples.restart;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.main.Main;

import io.github.webpubsub.camel.WebPubSubComponent;

/**
 * The bridge the restart tests start, kill and start again, each time in a JVM of its own: group {@code numbers}
 * to the JMS queue {@code numbers}, acknowledging to Web PubSub only once the broker has each message.
 * <p>
 * Arguments: the connection string, the broker URL, the state file, the recovery window in milliseconds.
 */
public final class NumberBridge {

    private NumberBridge() {
    }

    public static void main(String[] args) throws Exception {
        WebPubSubComponent webPubSub = new WebPubSubComponent();
        webPubSub.getConfiguration().setConnectionString(args[0]);
        webPubSub.getConfiguration().setHub("numbers");
        webPubSub.getConfiguration().setUserId("bridge");
        webPubSub.getConfiguration().setStateFile(args[2]);
        webPubSub.getConfiguration().setRecoveryWindow(Long.parseLong(args[3]));

        Main main = new Main();
        main.bind("webpubsub", webPubSub);
        main.bind("jms", JmsComponent.jmsComponentAutoAcknowledge(new ActiveMQConnectionFactory(args[1])));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                // ackMode afterProcessing (the default): a number is acknowledged once the broker has it.
                from("webpubsub:numbers").routeId("numbers-to-jms").to("jms:queue:numbers");
            }
        });
        main.run();
    }
}
