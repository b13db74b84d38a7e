package io.github.webpubsub.camel.noprotobuf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.camel.isolation.WithoutJars;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * protobuf-java is optional: on a class path without it, the JSON protocols work and choosing a protobuf protocol
 * fails at endpoint creation with a message that says what to add. The component, the client and Camel run in a class
 * loader made of this test's class path less protobuf-java (the emulator runs outside it).
 */
class WithoutProtobufTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private static Object call(String method, Object... args) throws Exception {
        return WithoutJars.call("protobuf-java", WithoutProtobufProbe.class, method, args);
    }

    @Test
    void aProtobufProtocolFailsAtEndpointCreationNamingTheDependencyAndJsonStillWorks() throws Exception {
        assertThat(call("protobufVisible")).isEqualTo(false);
        String failure = (String) call("protobufEndpointFailure", emulator.get().connectionString());
        assertThat(failure).isNotNull().contains("protobuf.reliable").contains("com.google.protobuf:protobuf-java");
        assertThat(call("jsonSend", emulator.get().connectionString())).isNull();
    }
}
