package io.github.webpubsub.client.bench.baseline;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/**
 * Just enough of json.reliable.webpubsub.azure.v1 to measure a client, and nothing a client's cost could hide in:
 * {@code connected} on open; an ack for every request with an ackId; a {@code sendToGroup} to group {@code echo}
 * comes back as a group message before its ack; one to group {@code flood} with data {@code "N"} is answered by N
 * group messages, as fast as the socket takes them. Its own JVM, so the benchmark's CPU time is the client's alone.
 * Prints {@code port=N} once listening.
 */
public final class MinimalService {

    private static final String PAYLOAD = "x".repeat(100);

    private MinimalService() {
    }

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        int port = vertx.createHttpServer(new HttpServerOptions().setPort(0).setHost("127.0.0.1")
                        .addWebSocketSubProtocol("json.reliable.webpubsub.azure.v1")
                        .setMaxWebSocketFrameSize(4 * 1024 * 1024).setMaxWebSocketMessageSize(4 * 1024 * 1024))
                .webSocketHandler(MinimalService::serve).listen().toCompletionStage().toCompletableFuture().get()
                .actualPort();
        System.out.println("port=" + port);
        System.out.flush();
        // Ends with the benchmark: it reads stdin until the benchmark closes it.
        while (System.in.read() >= 0) {
            // nothing to read
        }
        vertx.close();
    }

    private static void serve(ServerWebSocket socket) {
        long[] sequence = {0};
        socket.writeTextMessage("{\"type\":\"system\",\"event\":\"connected\",\"connectionId\":\"bench-connection\","
                + "\"userId\":\"bench\",\"reconnectionToken\":\"bench-token\"}");
        socket.textMessageHandler(frame -> {
            long ackId = number(frame, "\"ackId\":");
            if (frame.contains("\"group\":\"echo\"")) {
                socket.writeTextMessage(message("echo", text(frame), ++sequence[0]));
            } else if (frame.contains("\"group\":\"flood\"")) {
                flood(socket, sequence, number(frame, "\"data\":\""));
            }
            if (ackId >= 0) {
                socket.writeTextMessage("{\"type\":\"ack\",\"ackId\":" + ackId + ",\"success\":true}");
            }
        });
    }

    /** The group message a subscriber gets. */
    private static String message(String group, String text, long sequenceId) {
        return "{\"type\":\"message\",\"from\":\"group\",\"fromUserId\":\"bench\",\"group\":\"" + group
                + "\",\"dataType\":\"text\",\"data\":\"" + text + "\",\"sequenceId\":" + sequenceId + "}";
    }

    /** The text data of a request; the benchmark's texts have no escapes. */
    private static String text(String frame) {
        int start = frame.indexOf("\"data\":\"") + 8;
        return frame.substring(start, frame.indexOf('"', start));
    }

    private static void flood(ServerWebSocket socket, long[] sequence, long count) {
        long[] left = {count};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (left[0] > 0 && !socket.writeQueueFull()) {
                left[0]--;
                socket.writeTextMessage(message("flood", PAYLOAD, ++sequence[0]));
            }
            if (left[0] > 0) {
                socket.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    private static long number(String frame, String key) {
        int at = frame.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int start = at + key.length();
        int end = start;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(frame.substring(start, end));
    }
}
