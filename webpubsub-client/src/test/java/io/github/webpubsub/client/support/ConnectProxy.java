package io.github.webpubsub.client.support;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/** A minimal HTTP CONNECT proxy that records the targets it tunnels to. */
public final class ConnectProxy extends RecordingProxy {

    public ConnectProxy() {
        listen((inbound, client) -> {
            StringBuilder head = new StringBuilder();
            RecordParser lines = RecordParser.newDelimited("\r\n");
            lines.handler(line -> {
                if (line.length() > 0) {
                    head.append(line.toString(StandardCharsets.US_ASCII)).append('\n');
                    return;
                }
                inbound.pause();
                String target = head.toString().split(" ")[1];
                recordTarget(target);
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
    }
}
