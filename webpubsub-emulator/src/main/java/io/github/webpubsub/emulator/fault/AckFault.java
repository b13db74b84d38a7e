package io.github.webpubsub.emulator.fault;

import java.time.Duration;

/** What happens to the ack of one request. */
public sealed interface AckFault {

    /** The request is processed and acked normally. */
    record None() implements AckFault {
    }

    /** The request is processed; its ack is never sent. */
    record Withhold() implements AckFault {
    }

    /** The request is processed; its ack is sent after a delay. */
    record Delay(Duration delay) implements AckFault {
    }

    /** The request is not processed; it is answered with a negative ack, as a failing service would. */
    record Fail(String errorName, String message) implements AckFault {
    }

    AckFault NONE = new None();
}
