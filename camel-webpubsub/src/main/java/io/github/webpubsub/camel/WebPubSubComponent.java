package io.github.webpubsub.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * The {@code webpubsub} component. Its options are the defaults of every endpoint; endpoints with the same
 * connection options share one WebSocket connection.
 */
@Component("webpubsub")
public class WebPubSubComponent extends HealthCheckComponent {

    /** The defaults for every endpoint of this component. */
    @Metadata
    private WebPubSubConfiguration configuration = new WebPubSubConfiguration();

    /**
     * The Vert.x instance to run connections on. Autowired when the registry holds exactly one (as under Quarkus);
     * otherwise the component creates one and closes it when it stops.
     */
    @Metadata(label = "advanced", autowired = true)
    private Vertx vertx;

    /**
     * The Micrometer registry for the connections' meters. Unset, the component looks one up as camel-micrometer
     * does: the bean named metricsRegistry, else the only CompositeMeterRegistry (Spring Boot's, over several
     * registries), else the only MeterRegistry. With several and none of those, it registers no meters and logs so
     * once at INFO. Not autowired by Camel, which would need micrometer-core on every class path: it is optional.
     */
    @Metadata(label = "advanced")
    private MeterRegistry meterRegistry;

    private static final Pattern CLIENT_ACCESS_URL_VALUE = Pattern.compile(
            "(?i)(clientAccessUrl=)(RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)");

    private static final List<String> CREDENTIAL_OPTIONS = List.of("connectionString", "clientAccessUrl",
            "clientAccessUrlProvider");

    private final SharedConnections connections = new SharedConnections(this);

    private static final boolean MICROMETER_PRESENT = classPresent("io.micrometer.core.instrument.MeterRegistry");

    private ExecutorService completions;
    private volatile WebPubSubMetrics metrics;
    private volatile boolean metricsLookedUp;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        WebPubSubConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setGroup(remaining == null || remaining.isEmpty() ? null : remaining);
        if (CREDENTIAL_OPTIONS.stream().anyMatch(parameters::containsKey)) {
            // A credential on the endpoint replaces the component's, whichever kind each is.
            endpointConfiguration.setConnectionString(null);
            endpointConfiguration.setClientAccessUrl(null);
            endpointConfiguration.setClientAccessUrlProvider(null);
        }
        // Camel masks connectionString by name but not clientAccessUrl, whose token would otherwise show in logs. The
        // mask keeps a fingerprint of the URL: Camel tells endpoints apart by their URI, and two consumers of one
        // group with different URLs are two endpoints.
        WebPubSubEndpoint endpoint = new WebPubSubEndpoint(CLIENT_ACCESS_URL_VALUE.matcher(uri).replaceAll(
                m -> Matcher.quoteReplacement(m.group(1) + "xxxxxx-" + fingerprint(m.group(2)))), this,
                endpointConfiguration);
        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
    }

    /** The first 8 hex digits of the value's SHA-256: tells URLs apart, and gives nothing of the token away. */
    private static String fingerprint(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        connections.closeAll();
        synchronized (this) {
            if (completions != null) {
                getCamelContext().getExecutorServiceManager().shutdown(completions);
                completions = null;
            }
        }
        super.doStop();
    }

    /**
     * The Camel-managed threads on which producers' exchanges continue once the service has answered, so that no
     * route runs on a Vert.x thread. Created on first use, shut down with the component.
     */
    synchronized ExecutorService completions() {
        if (completions == null) {
            // An unbounded queue, never caller-runs: the clients hand completions over from their event loops, which
            // must not run route code. What waits is bounded by maxInFlightSends per connection.
            ThreadPoolProfile profile = new ThreadPoolProfileBuilder("WebPubSubProducer",
                    getCamelContext().getExecutorServiceManager().getDefaultThreadPoolProfile())
                    .maxQueueSize(-1).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build();
            completions = getCamelContext().getExecutorServiceManager().newThreadPool(this, "WebPubSubProducer", profile);
        }
        return completions;
    }

    /** Micrometer meters, in meterRegistry or the one found; looked up once, on first use. */
    WebPubSubMetrics metrics() {
        if (!metricsLookedUp) {
            synchronized (this) {
                if (!metricsLookedUp) {
                    // WebPubSubMetrics is touched only with Micrometer present: it links against it.
                    metrics = MICROMETER_PRESENT ? WebPubSubMetrics.lookup(getCamelContext(), meterRegistry) : null;
                    metricsLookedUp = true;
                }
            }
        }
        return metrics;
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, WebPubSubComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    SharedConnections connections() {
        return connections;
    }

    public WebPubSubConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WebPubSubConfiguration configuration) {
        this.configuration = configuration;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }
}
