package io.github.webpubsub.camel.nomicrometer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.webpubsub.camel.WebPubSubComponent;

/**
 * Runs in a class loader without micrometer-core ({@link WithoutMicrometerTest}): what an application that did not
 * add the optional dependency sees. Plain types only cross the loader boundary.
 */
public final class WithoutMicrometerProbe {

    private WithoutMicrometerProbe() {
    }

    /** Whether Micrometer is visible here: it must not be. */
    public static boolean micrometerVisible() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Starts a context whose component Camel creates and autowires from the registry, as in an application, and sends
     * one acked message; returns what failed, or {@code null}.
     */
    public static String acknowledgedSend(String connectionString) {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            WebPubSubComponent component = context.getComponent("webpubsub", WebPubSubComponent.class);
            component.getConfiguration().setConnectionString(connectionString);
            component.getConfiguration().setHub("chat");
            Exchange done = context.createProducerTemplate().send("webpubsub:g?userId=nometrics",
                    e -> e.getMessage().setBody("text"));
            return done.getException() == null ? null : done.getException().toString();
        } catch (Throwable e) {
            return e.toString();
        }
    }
}
