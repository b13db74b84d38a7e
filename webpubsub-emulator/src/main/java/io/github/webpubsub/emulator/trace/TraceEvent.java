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
 * order the feed writes them (strings, numbers and booleans only). A message's data becomes a preview of at most
 * {@link #PAYLOAD_PREVIEW_CHARS} characters, and only while a reader asks for payloads: a queued entry never holds a
 * whole message, so a reader's bounded queue is bounded in bytes too.
 *
 * @param seq          the feed's running number, from 1; 0 for entries that only one reader sees
 * @param time         when the emulator saw it
 * @param kind         what it reports
 * @param hub          the hub, lower case, or {@code null}
 * @param connectionId the connection, or {@code null}
 * @param userId       the connection's user, or {@code null}
 * @param details      the kind's own fields
 * @param payload      the start of the message data, or {@code null}
 * @param payloadTruncated whether the data was longer than {@code payload}
 */
public record TraceEvent(long seq, Instant time, TraceKind kind, String hub, String connectionId, String userId,
        Map<String, Object> details, String payload, boolean payloadTruncated) {

    /** Longer payloads are cut here: the trace is for looking, not for copying. */
    public static final int PAYLOAD_PREVIEW_CHARS = 1024;

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

        /** @param withPayload whether any reader wants payloads: only then is the data's text made */
        TraceEvent build(long seq, Instant time, boolean withPayload) {
            if (unacked != null) {
                details.put("unacked", unacked);
                details.put("unackedLimit", unackedLimit);
            }
            String preview = null;
            boolean truncated = false;
            if (withPayload && data != null && data.value() != null) {
                String text = data.asText();
                truncated = text.length() > PAYLOAD_PREVIEW_CHARS;
                preview = truncated ? text.substring(0, PAYLOAD_PREVIEW_CHARS) : text;
            }
            return new TraceEvent(seq, time, kind, hub, connectionId, userId, Collections.unmodifiableMap(details), preview,
                    truncated);
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
