package io.github.webpubsub.emulator.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.support.JsPeer;
import io.github.webpubsub.emulator.support.RawClient;
import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceFilter;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSubscription;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** {@code invoke}: delivered to the event handler as the user event, whose HTTP answer becomes the invokeResponse. */
class InvokeHandlerTest {

    private record Received(Map<String, String> headers, String body) {
    }

    private Vertx vertx;
    private HttpServer appServer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Requests for the "slow" event, answered only when the test says so. */
    private final Map<String, HttpServerResponse> held = new ConcurrentHashMap<>();
    private WebPubSubEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        appServer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            received.add(new Received(headers, body.toString()));
            HttpServerResponse response = request.response();
            switch (String.valueOf(request.getHeader("ce-eventName"))) {
                case "price" -> response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("symbol", body.toString()).put("price", 42).encode());
                case "bytes" -> response.putHeader("Content-Type", "application/octet-stream").end(io.vertx.core.buffer.Buffer.buffer(new byte[] {1, 2, 3}));
                case "empty" -> response.setStatusCode(204).end();
                case "fail" -> response.setStatusCode(500).end("boom");
                case "refuse" -> response.setStatusCode(400).end("no such symbol");
                case "slow" -> held.put(body.toString(), response);
                default -> response.setStatusCode(204).end();
            }
        })).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        emulator = WebPubSubEmulator.builder().eventHandler(URI.create("http://localhost:" + appServer.actualPort() + "/eventhandler"))
                .start();
    }

    @AfterEach
    void stop() {
        emulator.stop();
        vertx.close();
    }

    private RawClient client() {
        RawClient client = RawClient.reliable(emulator.clientAccessUrl("hub1", "u1", List.of(), List.of()));
        client.connected();
        return client;
    }

    private static JsonObject invoke(String id, String event, String text) {
        return new JsonObject().put("type", "invoke").put("invocationId", id).put("target", "event").put("event", event)
                .put("dataType", "text").put("data", text);
    }

    private static JsonObject response(RawClient client, String id) {
        return client.await(f -> "invokeResponse".equals(f.getString("type")) && id.equals(f.getString("invocationId")));
    }

    @Test
    void theHandlersAnswerIsTheInvokeResponseTypedByItsContentType() {
        try (RawClient client = client()) {
            client.send(invoke("1", "price", "MSFT"));
            JsonObject answer = response(client, "1");
            assertThat(answer.getBoolean("success")).isTrue();
            assertThat(answer.getString("dataType")).isEqualTo("json");
            assertThat(answer.getJsonObject("data")).isEqualTo(new JsonObject().put("symbol", "MSFT").put("price", 42));

            client.send(invoke("2", "bytes", "x"));
            JsonObject bytes = response(client, "2");
            assertThat(bytes.getString("dataType")).isEqualTo("binary");
            assertThat(bytes.getString("data")).isEqualTo("AQID");

            client.send(invoke("3", "empty", "x"));
            JsonObject empty = response(client, "3");
            assertThat(empty.getBoolean("success")).isTrue();
            assertThat(empty.containsKey("data")).isFalse();

            // Delivered as the user event of that name, as the service delivers an invoke.
            Received event = received.stream().filter(r -> "azure.webpubsub.user.price".equals(r.headers().get("ce-type")))
                    .findFirst().orElseThrow();
            assertThat(event.body()).isEqualTo("MSFT");
            assertThat(event.headers()).containsEntry("ce-eventName", "price").containsEntry("ce-hub", "hub1");
            assertThat(event.headers().get("Content-Type")).startsWith("text/plain");
            assertThat(emulator.userEvents()).extracting(e -> e.event()).contains("price", "bytes", "empty");
            // No ack, no server message: the answer travels only as the invokeResponse.
            assertThat(client.messages()).isEmpty();
        }
    }

    @Test
    void aHandlerErrorStatusIsAnErrorResponseAndTheConnectionStays() {
        try (RawClient client = client()) {
            client.send(invoke("a", "fail", "x"));
            JsonObject failed = response(client, "a");
            assertThat(failed.getBoolean("success")).isFalse();
            assertThat(failed.getJsonObject("error").getString("name")).isEqualTo("InternalServerError");
            assertThat(failed.getJsonObject("error").getString("message")).contains("HTTP 500").contains("boom");

            client.send(invoke("b", "refuse", "x"));
            JsonObject refused = response(client, "b");
            assertThat(refused.getJsonObject("error").getString("name")).isEqualTo("BadRequest");
            assertThat(refused.getJsonObject("error").getString("message")).contains("HTTP 400").contains("no such symbol");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void withoutAnEventHandlerAnInvocationIsAnsweredWithAnErrorAtOnce() {
        try (WebPubSubEmulator bare = WebPubSubEmulator.builder().start();
                RawClient client = RawClient.reliable(bare.clientAccessUrl("hub1", "u1", List.of(), List.of()))) {
            client.connected();
            client.send(invoke("1", "price", "MSFT"));
            JsonObject answer = response(client, "1");
            assertThat(answer.getBoolean("success")).isFalse();
            assertThat(answer.getJsonObject("error").getString("name")).isEqualTo("NotFound");
            assertThat(answer.getJsonObject("error").getString("message")).contains("No event handler");
        }
    }

    @Test
    void aCancelledInvocationsLateAnswerIsNotSentAndTheTraceShowsAllThree() {
        try (RawClient client = client()) {
            List<TraceEvent> entries = new CopyOnWriteArrayList<>();
            TraceSubscription reader = emulator.trace().subscribe(TraceFilter.ALL, 1000, Runnable::run, s -> {
                TraceEvent e;
                while ((e = s.poll()) != null) {
                    entries.add(e);
                }
            });
            client.send(invoke("s1", "slow", "first"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.containsKey("first"));
            client.send(new JsonObject().put("type", "cancelInvocation").put("invocationId", "s1"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entries.stream()
                    .anyMatch(e -> e.kind() == TraceKind.CANCEL_INVOCATION));
            held.get("first").putHeader("Content-Type", "text/plain").end("too late");

            // A second invocation after it is answered: had the first been sent, it would have come before.
            client.send(invoke("s2", "price", "AAPL"));
            response(client, "s2");
            assertThat(client.frames()).noneMatch(f -> "s1".equals(f.getString("invocationId")));
            reader.close();

            assertThat(entries).extracting(TraceEvent::kind).contains(TraceKind.INVOKE, TraceKind.CANCEL_INVOCATION,
                    TraceKind.INVOKE_RESPONSE);
            TraceEvent cancel = entries.stream().filter(e -> e.kind() == TraceKind.CANCEL_INVOCATION).findFirst().orElseThrow();
            assertThat(cancel.details()).containsEntry("invocationId", "s1").containsEntry("running", true);
            assertThat(entries.stream().filter(e -> e.kind() == TraceKind.INVOKE_RESPONSE))
                    .allMatch(e -> "s2".equals(e.details().get("invocationId")));
        }
    }

    @Test
    void microsoftsJsClientGetsTheHandlersAnswerAndItsErrors() {
        try (JsPeer peer = JsPeer.start()) {
            peer.ok("client.start", new JsonObject().put("client", "js")
                    .put("url", emulator.clientAccessUrl("hub1", "js-user", List.of(), List.of())));
            JsonObject answer = (JsonObject) peer.ok("client.invokeEvent", new JsonObject().put("client", "js")
                    .put("event", "price").put("dataType", "text").put("data", "MSFT"));
            assertThat(answer.getString("dataType")).isEqualTo("json");
            assertThat(answer.getJsonObject("data")).isEqualTo(new JsonObject().put("symbol", "MSFT").put("price", 42));

            JsonObject bytes = (JsonObject) peer.ok("client.invokeEvent", new JsonObject().put("client", "js")
                    .put("event", "bytes").put("dataType", "binary").put("data", "AQID"));
            assertThat(bytes.getString("dataType")).isEqualTo("binary");
            assertThat(bytes.getString("data")).isEqualTo("AQID");

            JsonObject failed = peer.call("client.invokeEvent", new JsonObject().put("client", "js").put("event", "fail")
                    .put("dataType", "text").put("data", "x"));
            assertThat(failed.getBoolean("ok")).isFalse();
            assertThat(failed.getJsonObject("error").getString("name")).isEqualTo("InvocationError");
            assertThat(failed.getJsonObject("error").getJsonObject("errorDetail").getString("name"))
                    .isEqualTo("InternalServerError");
        }
    }

    @Test
    void anInvokeWithoutAnInvocationIdEndsItsConnection() {
        try (RawClient client = client()) {
            client.send(new JsonObject().put("type", "invoke").put("event", "price").put("dataType", "text").put("data", "x"));
            client.awaitClosed();
            assertThat(client.closeReason()).contains("invocationId");
        }
    }
}
