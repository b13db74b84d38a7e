package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ClientsExtension;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.vertx.core.Vertx;

/** One client's slow listener never delays another client, even when both share a thread, a Vert.x and a group. */
class ClientIsolationTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @RegisterExtension
    final ClientsExtension clients = new ClientsExtension();

    @Test
    void aListenerTakingASecondPerMessageOnOneClientDoesNotDelayAnotherClient() throws Exception {
        Vertx shared = Vertx.vertx();
        try {
            List<Long> slowSeen = new CopyOnWriteArrayList<>();
            WebPubSubListener slowListener = event -> {
                if (event instanceof WebPubSubEvent.GroupMessage) {
                    slowSeen.add(System.nanoTime());
                    takeASecond();
                }
            };
            // Both clients are created on this thread and share its Vert.x context, as a Camel route's would.
            WebPubSubClient slow = clients.started(Clients.options(emulator.get(), "slow").setVertx(shared), slowListener);
            RecordingListener fastEvents = new RecordingListener();
            WebPubSubClient fast = clients.started(Clients.options(emulator.get(), "fast").setVertx(shared), fastEvents);
            slow.joinGroup("room").get(10, TimeUnit.SECONDS);
            fast.joinGroup("room").get(10, TimeUnit.SECONDS);
            WebPubSubClient publisher = clients.started(Clients.options(emulator.get(), "publisher"), new RecordingListener());

            for (int i = 0; i < 3; i++) {
                publisher.sendToGroup("room", MessageData.text("m" + i)).get(10, TimeUnit.SECONDS);
            }
            long sent = System.nanoTime();

            // The slow client needs three seconds for these; the fast one has them all at once.
            await().atMost(Duration.ofMillis(500)).until(() -> fastEvents.groupTexts().size() == 3);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(500));
            assertThat(slowSeen).hasSizeLessThan(3);
        } finally {
            done.countDown();
            clients.afterEach(null);
            shared.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Released when the test ends, so that closing does not wait out the remaining seconds. */
    private final CountDownLatch done = new CountDownLatch(1);

    /** The slowness under test: a second per message, or less once the test is over. */
    private void takeASecond() {
        try {
            done.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
