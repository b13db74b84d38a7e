package io.github.webpubsub.emulator.trace;

/**
 * Where the emulator's parts report what happens, for the live trace. Publishers check {@link #active()} before they
 * build an entry, so that a trace nobody reads costs one volatile read per event.
 *
 * <pre>{@code
 * if (trace.active()) {
 *     trace.publish(TraceEvent.of(TraceKind.JOIN_GROUP).connection(hub, id, userId).with("group", group));
 * }
 * }</pre>
 */
public interface TraceSink {

    /** A sink that takes nothing, for parts used without a trace. */
    TraceSink NONE = new TraceSink() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void publish(TraceEvent.Builder entry) {
        }
    };

    /** Whether any reader is attached. */
    boolean active();

    /** Numbers, stamps and hands an entry to the readers; never blocks. */
    void publish(TraceEvent.Builder entry);
}
