package io.github.webpubsub.emulator.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.protocol.DataType;
import io.github.webpubsub.emulator.protocol.Payload;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Posts events to the app server's event handler as the service does: CloudEvents in HTTP binary mode, with the
 * {@code ce-signature} HMAC of the connection id under the access key.
 */
public final class UpstreamClient {

    private final URI url;
    private final String accessKey;
    private final String origin;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();
    private final TraceSink trace;

    /** @param trace where each call is reported, without its URL (which may carry a function key) or signature */
    public UpstreamClient(Vertx vertx, URI url, String accessKey, String origin, TraceSink trace) {
        this.trace = trace;
        this.url = url;
        this.accessKey = accessKey;
        this.origin = origin;
        this.http = vertx.createHttpClient(new HttpClientOptions().setSsl("https".equalsIgnoreCase(url.getScheme()))
                .setTrustAll(false).setConnectTimeout(5_000).setIdleTimeout(30));
    }

    /** A user event: the reply's body, if any, goes back to the client as a server message. */
    public Future<Payload> userEvent(ClientConnection connection, String event, Payload payload) {
        return post(connection, "azure.webpubsub.user." + event, event, payload.dataType().contentType(), payload.toHttpBody())
                .map(UpstreamClient::replyOrFail);
    }

    /**
     * An invocation: posted exactly as the user event of the same name (the service delivers an {@code invoke} to
     * the handler as a user event), with the handler's status kept so the caller can answer with an error. Fails
     * only when the handler could not be reached or did not answer in time. {@code payload} may be {@code null}.
     */
    public Future<HandlerReply> invoke(ClientConnection connection, String event, Payload payload) {
        String contentType = payload == null ? "text/plain" : payload.dataType().contentType();
        Buffer body = payload == null ? Buffer.buffer() : payload.toHttpBody();
        return post(connection, "azure.webpubsub.user." + event, event, contentType, body).map(reply -> {
            if (reply.status() / 100 != 2) {
                String text = reply.body().toString(StandardCharsets.UTF_8);
                return new HandlerReply(reply.status(), null,
                        text.length() > HandlerReply.MAX_DETAIL ? text.substring(0, HandlerReply.MAX_DETAIL) : text);
            }
            return new HandlerReply(reply.status(), typed(reply), "");
        });
    }

    /** The non-blocking system events {@code connected} and {@code disconnected}. */
    public Future<Payload> systemEvent(ClientConnection connection, String event, JsonObject body) {
        return post(connection, "azure.webpubsub.sys." + event, event, "application/json", body.toBuffer())
                .map(UpstreamClient::replyOrFail);
    }

    /** The handler's answer as it came. */
    private record RawReply(int status, String contentType, Buffer body) {
    }

    private static Payload replyOrFail(RawReply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("The event handler answered HTTP " + reply.status());
        }
        return typed(reply);
    }

    /** A 2xx body typed by its Content-Type (bytes when it names none the service knows); null for no body. */
    private static Payload typed(RawReply reply) {
        if (reply.status() == 204 || reply.body().length() == 0) {
            return null;
        }
        DataType dataType = DataType.fromContentType(reply.contentType());
        return Payload.fromHttpBody(dataType == null ? DataType.BINARY : dataType, reply.body());
    }

    private Future<RawReply> post(ClientConnection c, String type, String event, String contentType, Buffer body) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost()).setPort(port)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery()).setTimeout(30_000)
                .putHeader("Content-Type", contentType)
                .putHeader("ce-specversion", "1.0")
                .putHeader("ce-type", type)
                .putHeader("ce-source", "/hubs/" + c.hub().name() + "/client/" + c.id())
                .putHeader("ce-id", String.valueOf(ids.incrementAndGet()))
                .putHeader("ce-time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .putHeader("ce-awpsversion", "1.0")
                .putHeader("ce-hub", c.hub().name())
                .putHeader("ce-eventName", event)
                .putHeader("ce-connectionId", c.id())
                .putHeader("ce-subprotocol", c.protocol().id())
                .putHeader("ce-signature", "sha256=" + signature(c.id()))
                .putHeader("WebHook-Request-Origin", origin);
        if (c.userId() != null) {
            options.putHeader("ce-userId", c.userId());
        }
        long started = System.nanoTime();
        int[] status = {0};
        Future<RawReply> outcome = http.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(reply -> {
                    status[0] = response.statusCode();
                    return new RawReply(response.statusCode(), response.getHeader("Content-Type"), reply);
                }));
        if (trace.active()) {
            outcome.onComplete(result -> {
                boolean ok = result.succeeded() && result.result().status() / 100 == 2;
                String error = result.failed() ? result.cause().getMessage()
                        : ok ? null : "The event handler answered HTTP " + result.result().status();
                trace.publish(c.traceEntry(TraceKind.EVENT_HANDLER).with("event", event).with("type", type)
                        .with("status", status[0] == 0 ? null : status[0])
                        .with("durationMs", (System.nanoTime() - started) / 1_000_000)
                        .with("outcome", ok ? "ok" : "failed").with("error", error));
            });
        }
        return outcome;
    }

    private String signature(String connectionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(connectionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public void close() {
        http.close();
    }
}
