package io.github.webpubsub.examples.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker running in-process in KRaft mode (combined broker + controller,
 * no ZooKeeper, no Docker), for tests.
 *
 * <p>Built on Kafka's own test kit ({@code org.apache.kafka:kafka-test-common-runtime}), which
 * pre-binds its listener sockets on free ports, formats the storage directories and deletes them
 * again on close.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopic("orders", 1);
 *     String brokers = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts a one-node KRaft cluster on random free ports and waits until the broker is ready
     * to serve clients.
     *
     * @return the running broker; close it to stop it and delete its data
     * @throws IllegalStateException if the broker cannot be started
     */
    public static EmbeddedKafka start() {
        long started = System.nanoTime();
        // The test kit defaults to the newest, still unstable metadata version; pin the latest
        // production one so the broker behaves like a released Kafka of the same version.
        MetadataVersion version = MetadataVersion.LATEST_PRODUCTION;
        BootstrapMetadata bootstrap = BootstrapMetadata.fromVersions(version,
                Feature.PRODUCTION_FEATURES.stream().collect(Collectors.toMap(
                        Feature::featureName, feature -> feature.defaultLevel(version))),
                "embedded-kafka");
        TestKitNodes nodes = new TestKitNodes.Builder(bootstrap)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit cluster = null;
        try {
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // The test kit switches unstable APIs on; a released broker has them off.
                    .setConfigProp("unstable.api.versions.enable", "false")
                    .setConfigProp("unstable.feature.versions.enable", "false")
                    // Internal topics default to replication factor 3, which one broker cannot
                    // satisfy: consumer groups and transactions would never become available.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    // One partition instead of 50 makes the first consumer group join much faster.
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    // The default 3 s delay only helps when many consumers join at once.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            closeQuietly(cluster, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start embedded Kafka", e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(cluster);
        LOG.info("Embedded Kafka (KRaft) started at {} in {} ms",
                kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        return kafka;
    }

    /**
     * Returns the {@code host:port} list that Kafka clients and {@code camel-kafka}'s
     * {@code brokers} option should use.
     *
     * @return the bootstrap servers of the running broker
     */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Creates a topic with replication factor 1 and waits until the controller has accepted it.
     *
     * @param name       the topic name
     * @param partitions the number of partitions, at least 1
     * @throws IllegalStateException if the topic cannot be created
     */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topic " + name, e.getCause());
        }
    }

    /**
     * Stops the broker and controller and deletes their log directories.
     *
     * @throws IllegalStateException if shutdown fails
     */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not stop embedded Kafka cleanly", e);
        }
    }

    // Cleans up a half-started cluster without hiding the exception that made the start fail.
    private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
