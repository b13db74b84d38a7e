package io.github.webpubsub.emulator.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.trace.TraceFilter;
import io.github.webpubsub.emulator.trace.TracePrinter;

/**
 * {@code java -jar webpubsub-emulator.jar [--port 8080] [--host localhost] [--access-key KEY] [--event-handler URL]
 * [--trace] [--trace-payloads]}: starts the emulator, prints its connection string and the live trace page's URL on
 * a line each, and serves until killed; with {@code --trace} it prints the live trace too, as JSON lines.
 */
public final class EmulatorMain {

    private static final String USAGE = """
            Usage: java -jar webpubsub-emulator.jar [options]
              --port N             port to listen on (default 8080; 0 picks a free port)
              --host ADDRESS       address to listen on (default localhost; 0.0.0.0 for every interface)
              --access-key KEY     access key that signs tokens (default: a random key)
              --event-handler URL  app server URL that receives user and system events as CloudEvents
              --trace              print the live trace (what the page at /trace shows) as JSON lines
              --trace-payloads     the same, with a preview of each message's data
              --help               this text""";

    private EmulatorMain() {
    }

    /** What the command line asked for: the emulator's options and whether to print the trace. */
    record Options(WebPubSubEmulator.Builder builder, boolean trace, boolean tracePayloads) {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            fail(System.err, e.getMessage());
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        WebPubSubEmulator emulator;
        try {
            emulator = options.builder().start();
        } catch (IllegalStateException e) {
            fail(System.err, e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stopped.countDown();
        }, "webpubsub-emulator-shutdown"));
        // The CLI's contract: one line that tools and people can read the connection string from.
        System.out.println("Connection string: " + emulator.connectionString());
        System.out.println("Live trace: " + emulator.traceUrl());
        if (options.trace() || options.tracePayloads()) {
            TracePrinter.attach(emulator.trace(), new TraceFilter(null, null, null, null, options.tracePayloads()), System.out);
        }
        System.out.flush();
        stopped.await();
    }

    /** Reads the arguments; {@code null} when help was asked for. */
    static Options parse(String[] args) {
        WebPubSubEmulator.Builder builder = WebPubSubEmulator.builder().port(8080);
        boolean trace = false;
        boolean tracePayloads = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (arg.equals("--trace")) {
                trace = true;
                continue;
            }
            if (arg.equals("--trace-payloads")) {
                tracePayloads = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> {
                    try {
                        builder.port(Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number, not '" + value + "'");
                    }
                }
                case "--host" -> builder.host(value);
                case "--access-key" -> {
                    if (value.getBytes(StandardCharsets.UTF_8).length < 32) {
                        // Not an error for the emulator, but the Java service SDK refuses to sign with such a key.
                        System.err.println("webpubsub-emulator: warning: an access key shorter than 32 bytes is refused by "
                                + "the Java service SDK (HS256 needs a 256-bit key)");
                    }
                    builder.accessKey(value);
                }
                case "--event-handler" -> {
                    URI uri = URI.create(value);
                    if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                        throw new IllegalArgumentException("--event-handler must be an http or https URL, not '" + value + "'");
                    }
                    builder.eventHandler(uri);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new Options(builder, trace, tracePayloads);
    }

    private static void fail(PrintStream err, String message) {
        err.println("webpubsub-emulator: " + message);
        err.println(USAGE);
        System.exit(2);
    }
}
