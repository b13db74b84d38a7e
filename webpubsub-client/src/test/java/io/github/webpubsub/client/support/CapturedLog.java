package io.github.webpubsub.client.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the logs print while it is open: slf4j-simple writes to System.err, which this replaces with a copy it
 * keeps (tests run one at a time), and prints through when it is closed, so the test's output still shows it.
 * Lines read {@code time [thread] LEVEL Logger - message}.
 */
public final class CapturedLog implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream original = System.err;

    /** Starts capturing. */
    public CapturedLog() {
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Everything printed so far. */
    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The lines printed so far that contain {@code marker}. */
    public List<String> linesWith(String marker) {
        return text().lines().filter(line -> line.contains(marker)).toList();
    }

    /** Stops capturing and prints what was captured. */
    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
