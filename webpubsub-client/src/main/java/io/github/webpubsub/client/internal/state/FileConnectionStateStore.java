package io.github.webpubsub.client.internal.state;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import io.github.webpubsub.client.ConnectionState;
import io.github.webpubsub.client.ConnectionStateStore;

/**
 * A {@link ConnectionStateStore} in a properties file, replaced whole through a temporary file and an atomic move so
 * that a process killed while writing leaves the previous state, and locked through a sibling {@code .lock} file.
 */
public final class FileConnectionStateStore implements ConnectionStateStore {

    private final Path file;
    private final Path lockFile;
    private FileChannel lockChannel;
    private FileLock lock;

    /** A store in {@code file}; its directory is created when needed. */
    public FileConnectionStateStore(Path file) {
        this.file = file.toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    @Override
    public synchronized boolean tryLock() throws IOException {
        if (lock != null) {
            return true;
        }
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                channel.close();
                return false;
            }
            lockChannel = channel;
            lock = taken;
            return true;
        } catch (OverlappingFileLockException e) {
            // Another client in this JVM holds it.
            channel.close();
            return false;
        }
    }

    @Override
    public synchronized void unlock() throws IOException {
        if (lock != null) {
            try {
                lock.release();
            } finally {
                lockChannel.close();
                lock = null;
                lockChannel = null;
            }
        }
    }

    @Override
    public Optional<ConnectionState> load() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String connectionId = properties.getProperty("connectionId");
        String token = properties.getProperty("reconnectionToken");
        if (connectionId == null || token == null) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionState(connectionId, properties.getProperty("userId"), token,
                Long.parseLong(properties.getProperty("ackedSequenceId", "0")),
                Instant.parse(properties.getProperty("updatedAt"))));
    }

    @Override
    public void save(ConnectionState state) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("connectionId", state.connectionId());
        if (state.userId() != null) {
            properties.setProperty("userId", state.userId());
        }
        properties.setProperty("reconnectionToken", state.reconnectionToken());
        properties.setProperty("ackedSequenceId", Long.toString(state.ackedSequenceId()));
        properties.setProperty("updatedAt", state.updatedAt().toString());
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "Web PubSub connection state: the reconnection token is a secret");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}
