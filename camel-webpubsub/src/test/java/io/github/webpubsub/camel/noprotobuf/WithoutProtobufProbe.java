package io.github.webpubsub.camel.noprotobuf;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.webpubsub.camel.WebPubSubComponent;

/**
 * Runs in a class loader without protobuf-java ({@link WithoutProtobufTest}): what an application that did not add
 * the optional dependency sees. Plain types only cross the loader boundary.
 */
public final class WithoutProtobufProbe {

    private WithoutProtobufProbe() {
    }

    /** Whether protobuf-java is visible here: it must not be. */
    public static boolean protobufVisible() {
        try {
            Class.forName("com.google.protobuf.Message");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The message of the failure to create a protobuf endpoint, or {@code null} if it was created. */
    public static String protobufEndpointFailure(String connectionString) throws Exception {
        try (CamelContext context = context(connectionString)) {
            context.start();
            context.getEndpoint("webpubsub:g?userId=noproto&protocol=protobuf.reliable");
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e;
            StringBuilder messages = new StringBuilder();
            while (cause != null) {
                messages.append(cause.getMessage()).append(" | ");
                cause = cause.getCause();
            }
            return messages.toString();
        }
    }

    /** Sends text and a map over json.reliable; returns the exception of the exchanges, or {@code null}. */
    public static String jsonSend(String connectionString) throws Exception {
        try (CamelContext context = context(connectionString)) {
            context.start();
            String uri = "webpubsub:g?userId=noproto&protocol=json.reliable";
            for (Object body : new Object[] {"text", java.util.Map.of("n", 1), new byte[] {1}}) {
                Exchange done = context.createProducerTemplate().send(uri, e -> e.getMessage().setBody(body));
                if (done.getException() != null) {
                    return done.getException().toString();
                }
            }
            return null;
        }
    }

    private static CamelContext context(String connectionString) {
        CamelContext context = new DefaultCamelContext();
        WebPubSubComponent component = new WebPubSubComponent();
        component.getConfiguration().setConnectionString(connectionString);
        component.getConfiguration().setHub("chat");
        context.addComponent("webpubsub", component);
        return context;
    }
}
