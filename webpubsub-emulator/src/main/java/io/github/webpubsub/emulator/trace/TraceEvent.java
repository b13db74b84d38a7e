package io.github.webpubsub.emulator.trace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.webpubsub.emulator.protocol.DataType;
import io.github.webpubsub.emulator.protocol.Payload;

/**
 * One live trace entry. The common fields say what and where; {@code details} holds the kind's own fields, in the
 * order the feed writes them (strings, numbers and booleans only). A message's data is kept by reference and turned
 * into a preview only for a reader that asked for payloads, so that the feed carries sizes by default.
 *
 * @param seq          the feed's running number, from 1; 0 for entries that only one reader sees
 * @param time         when the emulator saw it
 * @param kind         what it reports
 * @param hub          the hub, lower case, or {@code null}
 * @param connectionId the connection, or {@code null}
 * @param userId       the connection's user, or {@code null}
 * @param details      the kind's own fields
 * @param data         the message data, for payload previews, or {@code null}
 */
public record TraceEvent(long seq, Instant time, TraceKind kind, String hub, String connectionId, String userId,
        Map<String, Object> details, Payload data) {

    /** Starts an entry; {@link TraceSink#publish} numbers and stamps it. */
    public static Builder of(TraceKind kind) {
        return new Builder(kind);
    }

    /** The group the entry concerns, or {@code null}: what the feed's group filter matches. */
    public String group() {
        Object group = details.get("group");
        return group instanceof String s ? s : null;
    }

    /** Collects the fields of an entry before the feed numbers it. */
    public static final class Builder {
        private final TraceKind kind;
        private String hub;
        private String connectionId;
        private String userId;
        private final Map<String, Object> details = new LinkedHashMap<>();
        private Payload data;
        private Integer unacked;
        private int unackedLimit;

        private Builder(TraceKind kind) {
            this.kind = kind;
        }

        /** The hub only, for entries about no single connection (a REST call, a group send). */
        public Builder hub(String hub) {
            this.hub = hub;
            return this;
        }

        /** The connection the entry is about. */
        public Builder connection(String hub, String connectionId, String userId) {
            this.hub = hub;
            this.connectionId = connectionId;
            this.userId = userId;
            return this;
        }

        /** Adds a detail; {@code null} values are left out. */
        public Builder with(String name, Object value) {
            if (value != null) {
                details.put(name, value);
            }
            return this;
        }

        /** The message data: its {@code dataType} and {@code size} always, its text only for readers who ask. */
        public Builder data(Payload payload) {
            this.data = payload;
            details.put("dataType", payload.dataType().wireName());
            details.put("size", size(payload));
            return this;
        }

        /** A reliable connection's unacked messages against its limit; written last, where the eye finds them. */
        public Builder unacked(int count, int limit) {
            this.unacked = count;
            this.unackedLimit = limit;
            return this;
        }

        TraceEvent build(long seq, Instant time) {
            if (unacked != null) {
                details.put("unacked", unacked);
                details.put("unackedLimit", unackedLimit);
            }
            return new TraceEvent(seq, time, kind, hub, connectionId, userId, Collections.unmodifiableMap(details), data);
        }
    }

    /** The bytes of the data as the receiving app sees them: UTF-8 for text and json, decoded bytes for binary. */
    static int size(Payload payload) {
        if (payload.value() == null) {
            return 0;
        }
        if (payload.dataType() == DataType.BINARY || payload.dataType() == DataType.PROTOBUF) {
            String base64 = (String) payload.value();
            int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
            return base64.length() / 4 * 3 - padding;
        }
        return payload.asText().getBytes(StandardCharsets.UTF_8).length;
    }
}
