package io.github.webpubsub.camel;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.emulator.ConnectionInfo;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * Routes against the emulator. The component's own options carry the connection string and hub, as
 * {@code camel.component.webpubsub.*} properties would in Camel Main, so endpoint URIs only say what differs.
 */
abstract class WebPubSubTestSupport extends CamelTestSupport {

    static final String HUB = "chat";

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        WebPubSubComponent component = new WebPubSubComponent();
        WebPubSubConfiguration defaults = component.getConfiguration();
        defaults.setConnectionString(emulator.get().connectionString());
        defaults.setHub(HUB);
        defaults.setRetryDelay(100);
        defaults.setMaxRetryDelay(500);
        defaults.setReconnectDelay(100);
        defaults.setMaxReconnectDelay(500);
        context.addComponent("webpubsub", component);
        return context;
    }

    /** The emulator's live connections of one user. */
    static List<ConnectionInfo> connectionsOf(String userId) {
        return emulator.get().connections(HUB).stream()
                .filter(c -> userId.equals(c.userId()) && "CONNECTED".equals(c.state())).toList();
    }
}
