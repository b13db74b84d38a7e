package io.github.webpubsub.examples.ha;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.examples.restart.TcpArtemis.Received;

/**
 * What the replicas put on the queue, in queue order, each message with the replica that delivered it: which numbers
 * are missing or there twice, and who delivered when.
 */
final class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final List<Received> queue;
    private final int total;

    Deliveries(List<Received> queue, int total) {
        this.queue = List.copyOf(queue);
        this.total = total;
    }

    /** The numbers 1..total not in the queue. */
    List<Integer> missing() {
        var present = queue.stream().map(Received::body).collect(Collectors.toSet());
        return IntStream.rangeClosed(1, total).filter(n -> !present.contains(Integer.toString(n))).boxed().toList();
    }

    /** How many messages the queue held. */
    int messages() {
        return queue.size();
    }

    /** Whether the numbers, in order of first arrival, are 1..total. */
    boolean firstArrivalsInOrder() {
        List<String> first = new ArrayList<>(new LinkedHashSet<>(queue.stream().map(Received::body).toList()));
        return first.equals(IntStream.rangeClosed(1, total).mapToObj(Integer::toString).toList());
    }

    /** The replicas that delivered, run by run in queue order: [a, b] when a delivered alone, then b alone. */
    List<String> replicasInQueueOrder() {
        List<String> runs = new ArrayList<>();
        for (Received message : queue) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(message.property())) {
                runs.add(message.property());
            }
        }
        return runs;
    }

    /**
     * Whether each run of one replica's deliveries (see {@link #replicasInQueueOrder}) ended before the next began,
     * by the time each message was sent to the broker: at no time did two replicas deliver.
     */
    boolean oneReplicaAtATime() {
        long lastOfRun = Long.MIN_VALUE;
        String replica = null;
        for (Received message : queue) {
            if (replica != null && !replica.equals(message.property()) && message.sentAtMillis() < lastOfRun) {
                return false;
            }
            replica = message.property();
            lastOfRun = Math.max(lastOfRun, message.sentAtMillis());
        }
        return true;
    }

    /** When {@code replica} sent its first message to the broker (its JMS timestamp). */
    long firstSentBy(String replica) {
        return queue.stream().filter(m -> replica.equals(m.property())).mapToLong(Received::sentAtMillis).min()
                .orElseThrow();
    }

    /** The numbers in the queue more than once, in queue order of their first copy. */
    List<String> duplicates() {
        Map<String, Integer> copies = new LinkedHashMap<>();
        queue.forEach(m -> copies.merge(m.body(), 1, Integer::sum));
        return copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /**
     * Whether every duplicate is there exactly twice, first from {@code replica} then from the other one, and the
     * duplicates are the last numbers {@code replica} delivered: what it bridged and had not acknowledged when it
     * died, sent again to its successor, and nothing else.
     */
    boolean duplicatesAreTheTailOf(String replica) {
        List<String> duplicates = duplicates();
        List<String> byReplica = queue.stream().filter(m -> replica.equals(m.property())).map(Received::body).toList();
        if (!byReplica.subList(byReplica.size() - duplicates.size(), byReplica.size()).equals(duplicates)) {
            return false;
        }
        for (String number : duplicates) {
            List<String> from = queue.stream().filter(m -> m.body().equals(number)).map(Received::property).toList();
            if (from.size() != 2 || !from.get(0).equals(replica) || from.get(1).equals(replica)) {
                return false;
            }
        }
        return true;
    }

    /** Prints the figures; {@code failedOverAt} is when the leader was killed or stopped (0: no failover). */
    void print(String scenario, long failedOverAt) {
        List<String> duplicates = duplicates();
        Map<String, Long> byReplica = queue.stream()
                .collect(Collectors.groupingBy(Received::property, LinkedHashMap::new, Collectors.counting()));
        StringBuilder line = new StringBuilder(String.format("%s: %d numbers, %d messages in the queue %s, delivered by"
                + " %s in turn, %d delivered twice", scenario, total, queue.size(), byReplica, replicasInQueueOrder(),
                duplicates.size()));
        if (!duplicates.isEmpty()) {
            line.append(" (").append(duplicates.get(0)).append("..").append(duplicates.get(duplicates.size() - 1))
                    .append(')');
        }
        if (failedOverAt > 0) {
            List<String> runs = replicasInQueueOrder();
            String successor = runs.get(runs.size() - 1);
            line.append(String.format("; failover %d ms (from then to %s's first delivery)",
                    firstSentBy(successor) - failedOverAt, successor));
        }
        LOG.info("{}", line);
    }
}
