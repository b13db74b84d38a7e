package io.github.webpubsub.emulator.trace;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes trace entries as the feed's JSON lines: one object per entry, on one line, with the common fields first
 * ({@code seq}, {@code time}, {@code kind}, {@code hub}, {@code connectionId}, {@code userId}), then the kind's own,
 * then {@code payload} for readers that asked for it. Absent fields are left out, never written as null.
 */
public final class TraceJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TraceJson() {
    }

    /** One entry as one line of JSON, without the line break. */
    public static String encode(TraceEvent entry, boolean payloads) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            if (entry.seq() > 0) {
                json.writeNumberField("seq", entry.seq());
            }
            json.writeStringField("time", entry.time().truncatedTo(ChronoUnit.MILLIS).toString());
            json.writeStringField("kind", entry.kind().wireName());
            optional(json, "hub", entry.hub());
            optional(json, "connectionId", entry.connectionId());
            optional(json, "userId", entry.userId());
            for (Map.Entry<String, Object> detail : entry.details().entrySet()) {
                write(json, detail.getKey(), detail.getValue());
            }
            if (payloads && entry.payload() != null) {
                json.writeStringField("payload", entry.payload());
                if (entry.payloadTruncated()) {
                    json.writeBooleanField("payloadTruncated", true);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void write(JsonGenerator json, String name, Object value) throws IOException {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumberField(name, ((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            json.writeBooleanField(name, b);
        } else {
            json.writeStringField(name, String.valueOf(value));
        }
    }
}
