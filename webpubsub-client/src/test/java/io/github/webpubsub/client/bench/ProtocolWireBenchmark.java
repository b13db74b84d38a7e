package io.github.webpubsub.client.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.codec.protobuf.DownstreamMessage;
import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * json.reliable against protobuf.reliable for the same 100-byte binary payload, with figures printed (it asserts
 * nothing):
 * <ol>
 * <li>bytes on the wire per message: the client's sendToGroup and the group message it receives, each with its
 * WebSocket header (client frames are masked);</li>
 * <li>client CPU per message in the codec: encoding the send and decoding the received frame, on one thread, by that
 * thread's CPU time;</li>
 * <li>end to end through the in-process emulator: messages per second, and the whole process's CPU per message
 * (the emulator's share included, so only the difference between the two protocols means something).</li>
 * </ol>
 * Run with:
 *
 * <pre>
 * mvn -B -q -pl webpubsub-client -am process-test-classes -Pbench -Dbench.class=io.github.webpubsub.client.bench.ProtocolWireBenchmark
 * </pre>
 */
public final class ProtocolWireBenchmark {

    private static final byte[] PAYLOAD = new byte[100];

    static {
        for (int i = 0; i < PAYLOAD.length; i++) {
            PAYLOAD[i] = (byte) (i * 31);
        }
    }

    private ProtocolWireBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int codecRounds = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int endToEnd = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        System.out.printf("100-byte binary payload%n%-18s %10s %10s %12s %12s %14s %16s%n", "protocol", "send B",
                "receive B", "encode ns", "decode ns", "e2e msg/s", "e2e process CPU");
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
            for (WebPubSubProtocol protocol : List.of(WebPubSubProtocol.JSON_RELIABLE, WebPubSubProtocol.PROTOBUF_RELIABLE)) {
                FrameCodec codec = FrameCodec.of(protocol);
                ClientFrame send = new ClientFrame.SendToGroup("bench", MessageData.binary(PAYLOAD), false, 123_456L);
                WebSocketFrame sent = codec.encode(send);
                int sendBytes = wireSize(sent.isText() ? sent.textData().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        : sent.binaryData().length(), true);
                Object received = receivedFrame(protocol, 123_456L);
                int receiveBytes = wireSize(received instanceof String text
                        ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : ((Buffer) received).length(), false);
                double[] cpu = codecCpu(codec, send, received, codecRounds);
                double[] e2e = endToEnd(emulator, protocol, endToEnd);
                System.out.printf("%-18s %10d %10d %12.0f %12.0f %14.0f %13.1f us%n", protocol.shortName(), sendBytes,
                        receiveBytes, cpu[0], cpu[1], e2e[0], e2e[1]);
            }
        }
    }

    /** A frame's size with its WebSocket header: 2 bytes, 2 more past 125 bytes, 4 more (the mask) from a client. */
    private static int wireSize(int payload, boolean fromClient) {
        return payload + 2 + (payload > 125 ? (payload > 65_535 ? 8 : 2) : 0) + (fromClient ? 4 : 0);
    }

    /** The group message as the emulator sends it on each protocol. */
    private static Object receivedFrame(WebPubSubProtocol protocol, long sequenceId) {
        if (!protocol.protobuf()) {
            return "{\"type\":\"message\",\"from\":\"group\",\"group\":\"bench\",\"fromUserId\":\"sender\","
                    + "\"dataType\":\"binary\",\"data\":\"" + Base64.getEncoder().encodeToString(PAYLOAD)
                    + "\",\"sequenceId\":" + sequenceId + "}";
        }
        return Buffer.buffer(DownstreamMessage.newBuilder().setDataMessage(DownstreamMessage.DataMessage.newBuilder()
                .setFrom("group").setGroup("bench").setSequenceId(sequenceId)
                .setData(io.github.webpubsub.client.internal.codec.protobuf.MessageData.newBuilder()
                        .setBinaryData(ByteString.copyFrom(PAYLOAD)))).build().toByteArray());
    }

    /** Nanoseconds of this thread's CPU per encode and per decode, after a warm-up of the same length. */
    private static double[] codecCpu(FrameCodec codec, ClientFrame send, Object received, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        double[] result = new double[2];
        for (int pass = 0; pass < 2; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                sink += codec.encode(send).isFinal() ? 1 : 0;
            }
            long encoded = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                sink += (received instanceof String text ? codec.decode(text) : codec.decode((Buffer) received)).hashCode() & 1;
            }
            long decoded = threads.getCurrentThreadCpuTime();
            result[0] = (encoded - start) / (double) rounds;
            result[1] = (decoded - encoded) / (double) rounds;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return result;
    }

    /** Messages per second and process CPU microseconds per message, one publisher to one receiver, 200 in flight. */
    private static double[] endToEnd(WebPubSubEmulator emulator, WebPubSubProtocol protocol, int count) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CountDownLatch all = new CountDownLatch(count);
        AtomicInteger seen = new AtomicInteger();
        try (WebPubSubClient receiver = WebPubSubClient.create(Clients.options(emulator, "rx-" + protocol.shortName())
                .setProtocol(protocol));
                WebPubSubClient sender = WebPubSubClient.create(Clients.options(emulator, "tx-" + protocol.shortName())
                        .setProtocol(protocol))) {
            receiver.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage) {
                    seen.incrementAndGet();
                    all.countDown();
                }
            });
            receiver.start().get(30, TimeUnit.SECONDS);
            sender.start().get(30, TimeUnit.SECONDS);
            String group = "bench-" + protocol.shortName();
            receiver.joinGroup(group).get(30, TimeUnit.SECONDS);
            MessageData data = MessageData.binary(PAYLOAD);
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            List<CompletableFuture<SendResult>> window = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                window.add(sender.sendToGroup(group, data));
                if (window.size() == 200) {
                    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                    window.clear();
                }
                while (i - seen.get() > 600) {
                    Thread.onSpinWait();
                }
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            if (!all.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Only " + seen.get() + " of " + count + " arrived");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (os.getProcessCpuTime() - cpuStart) / 1e3 / count;
            return new double[] {count / seconds, cpuMicros};
        }
    }
}
