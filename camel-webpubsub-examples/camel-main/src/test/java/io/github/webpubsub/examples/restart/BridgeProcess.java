package io.github.webpubsub.examples.restart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bridge (a Camel Main class such as {@link NumberBridge}) in a JVM of its own, with the test's class path and its
 * output in a log file. Shared by the restart and the high-availability tests.
 */
public final class BridgeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private BridgeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static BridgeProcess start(Path log, String connectionString, String brokerUrl, Path stateFile,
            Duration recoveryWindow) throws IOException {
        return start(log, NumberBridge.class, connectionString, brokerUrl, stateFile.toString(),
                Long.toString(recoveryWindow.toMillis()));
    }

    /** Runs {@code mainClass} with {@code args} in a JVM of its own. */
    public static BridgeProcess start(Path log, Class<?> mainClass, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BridgeProcess(process, log);
    }

    /** SIGKILL: no shutdown hook, no last ack, no close frame. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: Camel's graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
