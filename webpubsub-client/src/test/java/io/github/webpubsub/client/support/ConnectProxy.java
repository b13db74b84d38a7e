package io.github.webpubsub.client.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;

/** A minimal HTTP CONNECT proxy that records the targets it tunnels to. */
public final class ConnectProxy implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final NetServer server;
    private final List<String> targets = new CopyOnWriteArrayList<>();

    public ConnectProxy() {
        NetClient client = vertx.createNetClient();
        server = vertx.createNetServer().connectHandler(inbound -> {
            StringBuilder head = new StringBuilder();
            RecordParser lines = RecordParser.newDelimited("\r\n");
            lines.handler(line -> {
                if (line.length() > 0) {
                    head.append(line.toString(StandardCharsets.US_ASCII)).append('\n');
                    return;
                }
                inbound.pause();
                String target = head.toString().split(" ")[1];
                targets.add(target);
                int colon = target.lastIndexOf(':');
                client.connect(Integer.parseInt(target.substring(colon + 1)), target.substring(0, colon))
                        .onSuccess(outbound -> {
                            inbound.handler(null);
                            inbound.write(Buffer.buffer("HTTP/1.1 200 Connection established\r\n\r\n"));
                            TlsTunnel.pipe(inbound, outbound);
                        })
                        .onFailure(e -> inbound.write(Buffer.buffer("HTTP/1.1 502 Bad Gateway\r\n\r\n")).onComplete(v -> inbound.close()));
            });
            inbound.handler(lines);
        });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    public int port() {
        return server.actualPort();
    }

    /** The host:port of every CONNECT so far. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
