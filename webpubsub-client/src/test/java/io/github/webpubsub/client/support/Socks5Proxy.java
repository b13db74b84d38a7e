package io.github.webpubsub.client.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * A minimal SOCKS5 proxy (RFC 1928: no authentication, CONNECT only) that records the targets it tunnels to.
 * Anything else it is asked for is refused and the connection closed.
 */
public final class Socks5Proxy extends RecordingProxy {

    private static final byte VERSION = 5;
    private static final byte NO_AUTHENTICATION = 0;
    private static final byte CONNECT = 1;
    private static final byte IPV4 = 1;
    private static final byte DOMAIN = 3;
    private static final byte IPV6 = 4;
    private static final byte SUCCEEDED = 0;
    private static final byte GENERAL_FAILURE = 1;
    private static final byte COMMAND_NOT_SUPPORTED = 7;

    public Socks5Proxy() {
        listen((inbound, client) -> new Handshake(inbound, client).start());
    }

    /** One client's greeting and request, read as the bytes come, then the tunnel. */
    private final class Handshake {
        private final NetSocket inbound;
        private final NetClient client;
        private Buffer pending = Buffer.buffer();
        private boolean greeted;

        Handshake(NetSocket inbound, NetClient client) {
            this.inbound = inbound;
            this.client = client;
        }

        void start() {
            inbound.handler(bytes -> {
                pending.appendBuffer(bytes);
                if (!greeted) {
                    greet();
                }
                if (greeted) {
                    request();
                }
            });
        }

        /** VER, NMETHODS, METHODS: the proxy picks "no authentication". */
        private void greet() {
            if (pending.length() < 2 || pending.length() < 2 + pending.getUnsignedByte(1)) {
                return;
            }
            int consumed = 2 + pending.getUnsignedByte(1);
            pending = pending.getBuffer(consumed, pending.length());
            greeted = true;
            inbound.write(Buffer.buffer(new byte[] {VERSION, NO_AUTHENTICATION}));
        }

        /** VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT. */
        private void request() {
            if (pending.length() < 5) {
                return;
            }
            int addressType = pending.getByte(3);
            int addressLength = addressType == IPV4 ? 4 : addressType == IPV6 ? 16
                    : addressType == DOMAIN ? 1 + pending.getUnsignedByte(4) : -1;
            if (addressLength < 0 || pending.getByte(1) != CONNECT) {
                reply(COMMAND_NOT_SUPPORTED).onComplete(v -> inbound.close());
                return;
            }
            if (pending.length() < 4 + addressLength + 2) {
                return;
            }
            String host = addressType == DOMAIN
                    ? pending.getString(5, 5 + pending.getUnsignedByte(4), StandardCharsets.US_ASCII.name())
                    : address(pending.getBytes(4, 4 + addressLength));
            int port = pending.getUnsignedShort(4 + addressLength);
            inbound.handler(null);
            inbound.pause();
            recordTarget(host + ":" + port);
            client.connect(port, host)
                    .onSuccess(outbound -> reply(SUCCEEDED).onSuccess(v -> TlsTunnel.pipe(inbound, outbound)))
                    .onFailure(e -> reply(GENERAL_FAILURE).onComplete(v -> inbound.close()));
        }

        private Future<Void> reply(byte status) {
            // The bound address is not used by clients that only tunnel: 0.0.0.0:0.
            return inbound.write(Buffer.buffer(new byte[] {VERSION, status, 0, IPV4, 0, 0, 0, 0, 0, 0}));
        }

        private String address(byte[] bytes) {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
