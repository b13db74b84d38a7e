package io.github.webpubsub.emulator.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.webpubsub.emulator.WebPubSubEmulator;

/**
 * Runs an emulator for JUnit 5 tests. As a static field it serves the whole class; as an instance field, or through
 * {@code @ExtendWith}, each test gets a fresh one. Faults are cleared before each test. Test methods may take a
 * {@link WebPubSubEmulator} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();
 *
 * @Test
 * void test() {
 *     String connectionString = emulator.get().connectionString();
 * }
 * }</pre>
 */
public class WebPubSubEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final WebPubSubEmulator.Builder builder;
    private WebPubSubEmulator emulator;
    private boolean perClass;

    /** An emulator with the default options on a free port. */
    public WebPubSubEmulatorExtension() {
        this(WebPubSubEmulator.builder());
    }

    /** An emulator with these options. */
    public WebPubSubEmulatorExtension(WebPubSubEmulator.Builder builder) {
        this.builder = builder;
    }

    /** The running emulator. */
    public WebPubSubEmulator get() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator runs only while a test runs");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        emulator = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            emulator = builder.start();
        } else {
            emulator.faults().clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (emulator != null) {
            emulator.stop();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebPubSubEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
