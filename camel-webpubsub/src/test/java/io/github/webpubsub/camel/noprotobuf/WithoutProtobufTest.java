package io.github.webpubsub.camel.noprotobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !new File(entry).getName().startsWith("protobuf-java")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = loader.loadClass(WithoutProtobufProbe.class.getName());
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return probe.getMethod(method, types).invoke(null, args);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    @Test
    void aProtobufProtocolFailsAtEndpointCreationNamingTheDependencyAndJsonStillWorks() throws Exception {
        assertThat(call("protobufVisible")).isEqualTo(false);
        String failure = (String) call("protobufEndpointFailure", emulator.get().connectionString());
        assertThat(failure).isNotNull().contains("protobuf.reliable").contains("com.google.protobuf:protobuf-java");
        assertThat(call("jsonSend", emulator.get().connectionString())).isNull();
    }
}
