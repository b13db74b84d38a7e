package io.github.webpubsub.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.protocol.DataType;
import io.github.webpubsub.emulator.protocol.Payload;
import io.vertx.core.json.JsonObject;

/** The feed's fan-out to readers, their bounded queues and filters, and the JSON lines. */
class TraceFeedTest {

    /** A drainer that runs nothing until the test says so: a reader that does not keep up. */
    private static final class HeldDrains implements java.util.concurrent.Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }
    }

    private static TraceEvent.Builder join(String hub, String connectionId, String group) {
        return TraceEvent.of(TraceKind.JOIN_GROUP).connection(hub, connectionId, "u").with("group", group);
    }

    private static List<TraceEvent> drain(TraceSubscription subscription) {
        List<TraceEvent> read = new ArrayList<>();
        for (TraceEvent e = subscription.poll(); e != null; e = subscription.poll()) {
            read.add(e);
        }
        return read;
    }

    @Test
    void withoutReadersTheFeedIsInactiveAndKeepsNothing() {
        TraceFeed feed = new TraceFeed();
        assertThat(feed.active()).isFalse();
        feed.publish(join("hub1", "c1", "g"));

        TraceSubscription reader = feed.subscribe(TraceFilter.ALL, 10, Runnable::run, s -> { });
        assertThat(feed.active()).isTrue();
        assertThat(reader.poll()).isNull();
        reader.close();
        assertThat(feed.active()).isFalse();
    }

    @Test
    void aSlowReaderLosesTheOldestEntriesAndIsToldHowMany() {
        TraceFeed feed = new TraceFeed();
        HeldDrains drains = new HeldDrains();
        TraceSubscription slow = feed.subscribe(TraceFilter.ALL, 3, drains, s -> { });
        for (int i = 1; i <= 5; i++) {
            feed.publish(join("hub1", "c" + i, "g"));
        }
        // One drain was asked for, however many entries came.
        assertThat(drains.tasks).hasSize(1);

        List<TraceEvent> read = drain(slow);
        assertThat(read).extracting(TraceEvent::kind).containsExactly(TraceKind.OVERFLOW, TraceKind.JOIN_GROUP,
                TraceKind.JOIN_GROUP, TraceKind.JOIN_GROUP);
        assertThat(read.get(0).details()).containsEntry("dropped", 2L).containsEntry("droppedTotal", 2L);
        assertThat(read.subList(1, 4)).extracting(TraceEvent::connectionId).containsExactly("c3", "c4", "c5");
        assertThat(read.subList(1, 4)).extracting(TraceEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(slow.droppedTotal()).isEqualTo(2);
    }

    @Test
    void filtersPickHubConnectionGroupAndKind() {
        TraceFeed feed = new TraceFeed();
        TraceSubscription byGroup = feed.subscribe(new TraceFilter(null, null, "g2", null, false), 10, Runnable::run, s -> { });
        TraceSubscription byHubAndKind = feed.subscribe(new TraceFilter("HUB2", null, null, EnumSet.of(TraceKind.CONNECTED), false),
                10, Runnable::run, s -> { });
        TraceSubscription byConnection = feed.subscribe(new TraceFilter(null, "c2", null, null, false), 10, Runnable::run, s -> { });
        feed.publish(join("hub1", "c1", "g1"));
        feed.publish(join("hub1", "c2", "g2"));
        feed.publish(TraceEvent.of(TraceKind.CONNECTED).connection("hub2", "c3", "u"));

        assertThat(drain(byGroup)).extracting(TraceEvent::connectionId).containsExactly("c2");
        assertThat(drain(byHubAndKind)).extracting(TraceEvent::connectionId).containsExactly("c3");
        assertThat(drain(byConnection)).extracting(TraceEvent::connectionId).containsExactly("c2");
    }

    @Test
    void aFilterReadsItsQueryParameters() {
        TraceFilter filter = TraceFilter.fromQuery(name -> switch (name) {
            case "hub" -> List.of("hub1");
            case "kind" -> List.of("message,ack", "joinGroup");
            case "payloads" -> List.of("true");
            default -> List.of();
        });
        assertThat(filter).isEqualTo(new TraceFilter("hub1", null, null,
                EnumSet.of(TraceKind.MESSAGE, TraceKind.ACK, TraceKind.JOIN_GROUP), true));
    }

    private static TraceEvent.Builder message(String text) {
        return TraceEvent.of(TraceKind.MESSAGE).connection("hub1", "c1", "u1").with("direction", "out")
                .with("group", "g").data(new Payload(DataType.TEXT, text)).with("sequenceId", 7L).unacked(1, 1000);
    }

    @Test
    void withoutAReaderThatWantsThemNoPayloadIsKept() {
        TraceFeed feed = new TraceFeed();
        TraceSubscription reader = feed.subscribe(TraceFilter.ALL, 10, Runnable::run, s -> { });
        feed.publish(message("héllo"));
        assertThat(reader.poll().payload()).isNull();

        TraceSubscription curious = feed.subscribe(new TraceFilter(null, null, null, null, true), 10, Runnable::run, s -> { });
        feed.publish(message("x".repeat(TraceEvent.PAYLOAD_PREVIEW_CHARS + 1)));
        TraceEvent big = curious.poll();
        assertThat(big.payload()).hasSize(TraceEvent.PAYLOAD_PREVIEW_CHARS);
        assertThat(new JsonObject(TraceJson.encode(big, true)).getBoolean("payloadTruncated")).isTrue();
        assertThat(new JsonObject(TraceJson.encode(big, true)).getInteger("size")).isEqualTo(TraceEvent.PAYLOAD_PREVIEW_CHARS + 1);
    }

    @Test
    void entriesAreJsonLinesWithPayloadsOnlyWhenAsked() {
        TraceFeed feed = new TraceFeed();
        TraceSubscription reader = feed.subscribe(new TraceFilter(null, null, null, null, true), 10, Runnable::run, s -> { });
        feed.publish(message("héllo"));
        TraceEvent entry = reader.poll();

        JsonObject plain = new JsonObject(TraceJson.encode(entry, false));
        assertThat(plain.fieldNames()).containsExactly("seq", "time", "kind", "hub", "connectionId", "userId", "direction",
                "group", "dataType", "size", "sequenceId", "unacked", "unackedLimit");
        assertThat(plain.getString("kind")).isEqualTo("message");
        assertThat(plain.getInteger("size")).isEqualTo(6);
        assertThat(TraceJson.encode(entry, false)).doesNotContain("\n");
        assertThat(new JsonObject(TraceJson.encode(entry, true)).getString("payload")).isEqualTo("héllo");
    }
}
