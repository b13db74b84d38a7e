package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceFilter;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSubscription;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** invokeEvent through the emulator to an event handler and back. */
class ClientInvokeTest {

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    private Vertx vertx;
    private HttpServer appServer;
    /** Requests for the "hold" event, answered only when the test says so. */
    private final Map<String, HttpServerResponse> held = new ConcurrentHashMap<>();
    private WebPubSubEmulator emulator;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        appServer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            HttpServerResponse response = request.response();
            switch (String.valueOf(request.getHeader("ce-eventName"))) {
                case "price" -> response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("symbol", body.toString()).put("price", 42).encode());
                case "echo" -> response.putHeader("Content-Type", request.getHeader("Content-Type")).end(body);
                case "fail" -> response.setStatusCode(503).end("maintenance");
                case "hold" -> held.put(body.toString(), response);
                default -> response.setStatusCode(204).end();
            }
        })).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        emulator = WebPubSubEmulator.builder()
                .eventHandler(URI.create("http://localhost:" + appServer.actualPort() + "/eventhandler")).start();
    }

    @AfterEach
    void stop() {
        emulator.stop();
        vertx.close();
    }

    private static InvocationFailedException failure(CompletableFuture<?> invocation) {
        try {
            invocation.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(InvocationFailedException.class);
            return (InvocationFailedException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("The invocation succeeded");
    }

    @Test
    void theHandlersAnswerCompletesTheInvocationWithItsDataType() throws Exception {
        WebPubSubClient client = clients.started(Clients.options(emulator, "alice"), events);

        InvokeResult price = client.invokeEvent("price", MessageData.text("MSFT")).get(20, TimeUnit.SECONDS);
        assertThat(price.data().type()).isEqualTo(DataType.JSON);
        assertThat(new JsonObject(price.data().asText())).isEqualTo(new JsonObject().put("symbol", "MSFT").put("price", 42));

        InvokeResult bytes = client.invokeEvent("echo", MessageData.binary(new byte[] {1, 2, 3})).get(20, TimeUnit.SECONDS);
        assertThat(bytes.data()).isEqualTo(MessageData.binary(new byte[] {1, 2, 3}));

        InvokeResult empty = client.invokeEvent("nothing", MessageData.text("x")).get(20, TimeUnit.SECONDS);
        assertThat(empty.data()).isNull();
        assertThat(List.of(price.invocationId(), bytes.invocationId(), empty.invocationId())).doesNotHaveDuplicates();
        assertThat(emulator.userEvents()).extracting(e -> e.event()).containsExactly("price", "echo", "nothing");
    }

    @Test
    void aHandlerErrorFailsTheInvocationWithTheErrorNameAndMessage() {
        WebPubSubClient client = clients.started(Clients.options(emulator, "alice"), events);

        InvocationFailedException failed = failure(client.invokeEvent("fail", MessageData.text("x")));
        assertThat(failed.errorName()).isEqualTo("InternalServerError");
        assertThat(failed.errorMessage()).contains("HTTP 503").contains("maintenance");
        assertThat(failed.fromService()).isTrue();
        assertThat(failed.event()).isEqualTo("fail");
        assertThat(client.state()).isEqualTo(ClientState.CONNECTED);
    }

    @Test
    void withoutAnEventHandlerTheInvocationFailsAtOnce() {
        try (WebPubSubEmulator bare = WebPubSubEmulator.builder().start()) {
            WebPubSubClient client = clients.started(Clients.options(bare, "alice"), events);
            InvocationFailedException failed = failure(client.invokeEvent("price", MessageData.text("x")));
            assertThat(failed.errorName()).isEqualTo("NotFound");
            assertThat(failed.errorMessage()).contains("No event handler");
        }
    }

    @Test
    void aTimeoutFailsTheInvocationSendsCancelInvocationAndIgnoresTheLateAnswer() throws Exception {
        List<TraceEvent> trace = new CopyOnWriteArrayList<>();
        TraceSubscription reader = emulator.trace().subscribe(TraceFilter.ALL, 1000, Runnable::run, s -> {
            TraceEvent e;
            while ((e = s.poll()) != null) {
                trace.add(e);
            }
        });
        try {
            WebPubSubClient client = clients.started(Clients.options(emulator, "alice"), events);

            CompletableFuture<InvokeResult> slow = client.invokeEvent("hold", MessageData.text("late"), Duration.ofMillis(300));
            InvocationFailedException failed = failure(slow);
            assertThat(failed.errorName()).isEqualTo(InvocationFailedException.TIMEOUT);
            assertThat(failed.errorMessage()).contains("cancelInvocation sent");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> trace.stream().anyMatch(e ->
                    e.kind() == TraceKind.CANCEL_INVOCATION && failed.invocationId().equals(e.details().get("invocationId"))));

            // The handler answers after all: nothing to deliver it to; the next invocation is unaffected.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.containsKey("late"));
            held.get("late").end("too late");
            InvokeResult next = client.invokeEvent("price", MessageData.text("AAPL")).get(20, TimeUnit.SECONDS);
            assertThat(next.invocationId()).isNotEqualTo(failed.invocationId());
            assertThat(client.statistics().malformedMessages()).isZero();
        } finally {
            reader.close();
        }
    }

    @Test
    void aDropDuringAnInvocationFailsItClearlyAndTheClientRecovers() throws Exception {
        WebPubSubClient client = clients.started(Clients.options(emulator, "alice"), events);

        CompletableFuture<InvokeResult> cut = client.invokeEvent("hold", MessageData.text("cut"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.containsKey("cut"));
        assertThat(emulator.faults().drop(Clients.HUB, client.connectionId())).isTrue();

        InvocationFailedException failed = failure(cut);
        assertThat(failed.errorName()).isEqualTo(InvocationFailedException.CONNECTION_LOST);
        assertThat(failed.errorMessage()).contains("may or may not have run");
        assertThat(failed.fromService()).isFalse();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.state() == ClientState.CONNECTED);
        assertThat(client.invokeEvent("price", MessageData.text("MSFT")).get(20, TimeUnit.SECONDS).data().type())
                .isEqualTo(DataType.JSON);
    }

    @Test
    void invocationsAreBoundedAndFailOnceTheClientIsStopped() throws Exception {
        WebPubSubClient client = clients.started(Clients.options(emulator, "alice").setMaxInvocations(2), events);
        CompletableFuture<InvokeResult> first = client.invokeEvent("hold", MessageData.text("a"));
        CompletableFuture<InvokeResult> second = client.invokeEvent("hold", MessageData.text("b"));
        assertThat(failure(client.invokeEvent("hold", MessageData.text("c"))).errorName())
                .isEqualTo(InvocationFailedException.TOO_MANY_INVOCATIONS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.containsKey("a") && held.containsKey("b"));
        held.get("a").end("A");
        held.get("b").end("B");
        assertThat(first.get(20, TimeUnit.SECONDS).data().asText()).isEqualTo("A");
        assertThat(second.get(20, TimeUnit.SECONDS).data().asText()).isEqualTo("B");

        client.stop().get(20, TimeUnit.SECONDS);
        assertThat(failure(client.invokeEvent("price", MessageData.text("x"))).errorName())
                .isEqualTo(InvocationFailedException.STOPPED);
        assertThatThrownBy(() -> client.invokeEvent("price", MessageData.text("x"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
