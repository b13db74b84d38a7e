package io.github.webpubsub.examples.quarkus;

import java.util.Map;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a Web PubSub emulator before the application and hands its connection string to it as configuration,
 * exactly as {@code WEBPUBSUB_CONNECTION_STRING} would hand Azure's: the application then runs its "real service"
 * path, not its embedded-emulator default. The emulator is injected into test fields of its type.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    private WebPubSubEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = WebPubSubEmulator.builder().start();
        return Map.of("camel.component.webpubsub.connection-string", emulator.connectionString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(emulator, new TestInjector.MatchesType(WebPubSubEmulator.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
