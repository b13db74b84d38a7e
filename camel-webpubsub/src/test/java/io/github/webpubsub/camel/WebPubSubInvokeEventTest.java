package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** operation=invokeEvent: request/reply in the middle of a route, the event handler's answer as the out body. */
class WebPubSubInvokeEventTest extends CamelTestSupport {

    private static Vertx vertx;
    private static HttpServer appServer;
    private static WebPubSubEmulator emulator;

    @BeforeAll
    static void startHandlerAndEmulator() throws Exception {
        vertx = Vertx.vertx();
        appServer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            HttpServerResponse response = request.response();
            switch (String.valueOf(request.getHeader("ce-eventName"))) {
                case "price" -> response.putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("symbol", body.toString()).put("price", 42).encode());
                case "thumbnail" -> response.putHeader("Content-Type", "application/octet-stream")
                        .end(Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
                case "fail" -> response.setStatusCode(500).end("handler broke");
                case "hold" -> { } // never answered: the invocation times out
                default -> response.setStatusCode(204).end();
            }
        })).listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        emulator = WebPubSubEmulator.builder()
                .eventHandler(URI.create("http://localhost:" + appServer.actualPort() + "/eventhandler")).start();
    }

    @AfterAll
    static void stopHandlerAndEmulator() {
        emulator.stop();
        vertx.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        WebPubSubComponent component = new WebPubSubComponent();
        component.getConfiguration().setConnectionString(emulator.connectionString());
        component.getConfiguration().setHub("chat");
        context.addComponent("webpubsub", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:price").setBody(simple("${body.toUpperCase()}"))
                        .to("webpubsub:?operation=invokeEvent&event=price&userId=invoker&dataType=text")
                        .setBody(simple("${body} via ${header.CamelWebPubSubDataType}"));
                from("direct:any").to("webpubsub:?operation=invokeEvent&userId=invoker&invokeTimeout=500ms");
            }
        };
    }

    @Test
    void theHandlersAnswerBecomesTheOutBodyWithItsDataType() {
        String answer = template.requestBody("direct:price", "msft", String.class);
        assertThat(answer).isEqualTo("{\"symbol\":\"MSFT\",\"price\":42} via json");
        assertThat(emulator.userEvents()).anyMatch(e -> e.event().equals("price") && e.data().equals("MSFT"));
    }

    @Test
    void binaryAnswersAreBytesAndAnEmptyAnswerIsANullBody() {
        Exchange thumbnail = template.request("direct:any", e -> {
            e.getMessage().setHeader(WebPubSubConstants.EVENT, "thumbnail");
            e.getMessage().setBody("image-42");
        });
        assertThat(thumbnail.getException()).isNull();
        assertThat(thumbnail.getMessage().getBody()).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(thumbnail.getMessage().getHeader(WebPubSubConstants.DATA_TYPE)).isEqualTo("binary");
        assertThat(thumbnail.getMessage().getHeader(WebPubSubConstants.INVOCATION_ID, String.class)).isNotBlank();

        Exchange empty = template.request("direct:any", e -> {
            e.getMessage().setHeader(WebPubSubConstants.EVENT, "nothing");
            e.getMessage().setBody(Map.of("a", 1));
        });
        assertThat(empty.getException()).isNull();
        assertThat(empty.getMessage().getBody()).isNull();
        assertThat(empty.getMessage().getHeader(WebPubSubConstants.DATA_TYPE)).isNull();
    }

    @Test
    void aHandlerErrorFailsTheExchangeWithTheErrorNameAndMessage() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:any", "x", WebPubSubConstants.EVENT, "fail"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOfSatisfying(WebPubSubInvocationException.class, e -> {
                    assertThat(e.getErrorName()).isEqualTo("InternalServerError");
                    assertThat(e.getErrorMessage()).contains("HTTP 500").contains("handler broke");
                    assertThat(e.getInvocationId()).isNotBlank();
                });
    }

    @Test
    void anUnansweredInvocationTimesOutAfterInvokeTimeout() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:any", "x", WebPubSubConstants.EVENT, "hold"))
                .cause().isInstanceOfSatisfying(WebPubSubInvocationException.class,
                        e -> assertThat(e.getErrorName()).isEqualTo("InvocationTimeout"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
    }

    @Test
    void anInvocationWithoutAnEventNameFailsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> template.requestBody("direct:any", "x")).cause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invokeEvent");
    }
}
