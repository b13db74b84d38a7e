package io.github.webpubsub.camel.nomicrometer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.camel.isolation.WithoutJars;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * micrometer-core is optional: on a class path without it, Camel creates and autowires the component (whose
 * meterRegistry option is a Micrometer type) and the component sends. The component, the client and Camel run in a
 * class loader made of this test's class path less micrometer-core (the emulator runs outside it).
 */
class WithoutMicrometerTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private static Object call(String method, Object... args) throws Exception {
        return WithoutJars.call("micrometer-core", WithoutMicrometerProbe.class, method, args);
    }

    @Test
    void theComponentIsCreatedAutowiredAndSendsWithoutMicrometer() throws Exception {
        assertThat(call("micrometerVisible")).isEqualTo(false);
        assertThat(call("acknowledgedSend", emulator.get().connectionString())).isNull();
    }
}
