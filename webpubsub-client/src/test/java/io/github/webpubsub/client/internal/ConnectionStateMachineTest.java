package io.github.webpubsub.client.internal;

import static io.github.webpubsub.client.internal.EngineHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.InvocationFailedException;
import io.github.webpubsub.client.InvokeResult;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.internal.fake.FakeTransport;
import io.github.webpubsub.client.internal.fake.FakeTransportFactory.PendingOpen;
import io.github.webpubsub.client.support.CapturedLog;

/**
 * The state machine driven frame by frame over fake sockets: every transition, and every way a socket can go away in
 * each state. No network, so each test takes milliseconds.
 */
class ConnectionStateMachineTest {


    private static boolean isRecovery(String url) {
        return url.contains("awps_connection_id=");
    }

    @Test
    void aSocketThatClosesBeforeConnectedCountsAsAFailedAttemptAndANewConnectionIsTried() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            CompletableFuture<Void> start = engine.client.start();
            engine.sockets.nextOpen(WAIT).accept().close(1011, "busy");

            PendingOpen retry = engine.sockets.nextOpen(WAIT);
            assertThat(isRecovery(retry.url())).isFalse();
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTING);
            retry.accept().connected("c2", "alice", "t");
            start.get(5, TimeUnit.SECONDS);
            assertThat(engine.client.connectionId()).isEqualTo("c2");
        }
    }

    @Test
    void aSocketLostWithoutACloseFrameIsRecoveredAndReportedWithNoCloseCode() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            engine.connect().close(null, "the connection was lost without a close frame");

            PendingOpen recovery = engine.sockets.nextOpen(WAIT);
            assertThat(recovery.url()).contains("awps_connection_id=c1").contains("awps_reconnection_token=token-1");
            await().until(() -> !engine.events.of(WebPubSubEvent.Recovering.class).isEmpty());
            assertThat(engine.events.of(WebPubSubEvent.Recovering.class)).singleElement().satisfies(recovering -> {
                assertThat(recovering.connectionId()).isEqualTo("c1");
                assertThat(recovering.userId()).isEqualTo("alice");
                assertThat(recovering.closeCode()).isNull();
                assertThat(recovering.reason()).contains("lost without a close frame");
            });
            recovery.accept();
            await().until(() -> !engine.events.of(WebPubSubEvent.Recovered.class).isEmpty());
            assertThat(engine.events.of(WebPubSubEvent.Recovered.class)).containsExactly(
                    new WebPubSubEvent.Recovered("c1", "alice"));
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTED);
            assertThat(engine.client.connectionId()).isEqualTo("c1");
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
        }
    }

    @Test
    void aRecoveredSocketThatClosesAtOnceIsRetriedNoSoonerThanTheRecoveryDelayAndTheWindowRunsFromTheFirstDrop()
            throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryDelay(Duration.ofMillis(200))
                .setRecoveryWindow(Duration.ofMillis(1500)))) {
            long firstDrop = System.nanoTime();
            engine.connect().close(1011, "flapping");
            // The service accepts and closes again at once: each next try waits the recovery delay.
            PendingOpen open = answerRecoveriesUntilANewConnection(engine, socket -> socket.close(1011, "flapping"));
            assertThat(Duration.ofNanos(System.nanoTime() - firstDrop)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class)).singleElement()
                    .satisfies(d -> assertThat(d.connectionId()).isEqualTo("c1"));
            open.accept().connected("c2", "alice", "t2");
            await().until(() -> engine.events.of(WebPubSubEvent.Connected.class).size() == 2);
        }
    }

    @Test
    void aRecoveredSocketThatOnlyRedeliversWhatCameBeforeAndDropsIsSpacedLikeOneThatClosesAtOnce() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryDelay(Duration.ofMillis(200))
                .setRecoveryWindow(Duration.ofMillis(1500)))) {
            FakeTransport first = engine.connect();
            first.groupMessage("g", "one", 1).groupMessage("g", "two", 2);
            await().until(() -> engine.events.of(WebPubSubEvent.GroupMessage.class).size() == 2);
            // Message 3 is one the socket cannot take: each socket dies on it, after the redelivery of 1 and 2.
            first.close(null, "lost");
            PendingOpen open = answerRecoveriesUntilANewConnection(engine,
                    socket -> socket.groupMessage("g", "one", 1).groupMessage("g", "two", 2).close(null, "lost"));
            assertThat(engine.events.of(WebPubSubEvent.GroupMessage.class)).hasSize(2);
            open.accept().connected("c2", "alice", "t2");
            await().until(() -> engine.events.of(WebPubSubEvent.Connected.class).size() == 2);
        }
    }

    @Test
    void aRecoveredSocketClosedByTheServiceSoonAfterIsReportedWithThatClosesReasonNotTheFirstDrops() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryDelay(Duration.ofMillis(200)))) {
            engine.connect().close(null, "lost");
            FakeTransport recovered = engine.sockets.nextOpen(WAIT).accept();
            recovered.connected("c1", "alice", "token-2");
            await().until(() -> engine.client.state() == ClientState.CONNECTED);
            // At once, before the socket proved itself: the service ends the connection, and refuses its recovery.
            recovered.close(1011, "server restarting");
            engine.sockets.nextOpen(WAIT).accept().close(1008, "The connection could not be recovered.");

            await().until(() -> !engine.events.of(WebPubSubEvent.Disconnected.class).isEmpty());
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class)).singleElement().satisfies(d -> assertThat(
                    d.reason()).contains("server restarting").doesNotContain("lost"));
            assertThat(engine.client.lastProblem()).contains("server restarting").contains("1011");
        }
    }

    @Test
    void aRecoveredSocketThatCarriedANewMessageBeforeItDroppedIsRecoveredAtOnce() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryDelay(Duration.ofSeconds(5)))) {
            FakeTransport first = engine.connect();
            first.groupMessage("g", "one", 1);
            first.close(null, "lost");
            engine.sockets.nextOpen(WAIT).accept().groupMessage("g", "one", 1).groupMessage("g", "two", 2)
                    .close(null, "lost");
            await().until(() -> engine.events.of(WebPubSubEvent.GroupMessage.class).size() == 2);
            // Progress was made: a fresh drop, whose first attempt goes at once, not after the 5 s delay.
            PendingOpen next = engine.sockets.nextOpen(Duration.ofSeconds(2));
            assertThat(isRecovery(next.url())).isTrue();
        }
    }

    @Test
    void aDropDuringARecoveryAttemptIsRetriedWithinTheWindow() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            engine.connect().close(null, "lost");
            engine.sockets.nextOpen(WAIT).refuse(new IllegalStateException("connection refused"));

            PendingOpen second = engine.sockets.nextOpen(WAIT);
            assertThat(isRecovery(second.url())).isTrue();
            assertThat(engine.client.state()).isEqualTo(ClientState.RECOVERING);
            second.accept();
            await().until(() -> engine.client.state() == ClientState.CONNECTED);
            assertThat(engine.client.connectionId()).isEqualTo("c1");
        }
    }

    @Test
    void aPolicyViolationCloseEndsTheConnectionAndOpensANewOne() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            engine.connect().close(1008, "The connection could not be recovered.");

            PendingOpen open = engine.sockets.nextOpen(WAIT);
            assertThat(isRecovery(open.url())).isFalse();
            await().until(() -> !engine.events.of(WebPubSubEvent.Disconnected.class).isEmpty());
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class)).singleElement().isEqualTo(
                    new WebPubSubEvent.Disconnected("c1", "alice", 1008, "The connection could not be recovered."));
            assertThat(engine.events.of(WebPubSubEvent.Recovering.class)).isEmpty();
            open.accept().connected("c2", "alice", "t2");
            await().until(() -> "c2".equals(engine.client.connectionId()));
        }
    }

    @Test
    void aRecoveryWindowThatRunsOutWhileTheServiceIsUnreachableEndsInANewConnection() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryWindow(Duration.ofMillis(600)))) {
            engine.connect().close(null, "lost");
            PendingOpen open;
            int refused = 0;
            while (isRecovery((open = engine.sockets.nextOpen(WAIT)).url())) {
                open.refuse(new IllegalStateException("unreachable"));
                refused++;
                assertThat(refused).isLessThan(10);
            }
            assertThat(refused).isGreaterThanOrEqualTo(2);
            await().until(() -> !engine.events.of(WebPubSubEvent.Disconnected.class).isEmpty());
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class).get(0).reason())
                    .contains("could not be recovered within");
            assertThat(engine.client.state()).isEqualTo(ClientState.RECONNECTING);
        }
    }

    @Test
    void aSecondConnectedFrameNeitherReplacesTheConnectionNorDropsItsReconnectionTokenAndIsLogged() throws Exception {
        CapturedLog log = new CapturedLog();
        try (log; EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.connected("someone-else", "mallory", "stolen");
            socket.connected("c1", "alice", null);
            socket.groupMessage("g", "after", 1);
            await().until(() -> engine.events.groupTexts().contains("after"));
            assertThat(engine.client.connectionId()).isEqualTo("c1");
            assertThat(engine.client.userId()).isEqualTo("alice");
            assertThat(engine.events.of(WebPubSubEvent.Connected.class)).hasSize(1);

            socket.close(null, "lost");
            PendingOpen recovery = engine.sockets.nextOpen(WAIT);
            assertThat(recovery.url()).contains("awps_connection_id=c1").contains("awps_reconnection_token=token-1");
        }
        // Each is a warning that names the case; neither the frame's token nor the one kept reaches the log.
        assertThat(log.linesWith("Ignored a 'connected' frame")).singleElement().asString().contains(" WARN ")
                .contains("for connection someone-else on connection c1");
        assertThat(log.linesWith("announced again without a reconnection token")).singleElement().asString()
                .contains(" WARN ").contains("Connection c1");
        assertThat(log.text()).doesNotContain("stolen").doesNotContain("token-1");
    }

    @Test
    void aRecoveryConfirmationCarriesTheNewReconnectionTokenForTheNextRecovery() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            engine.connect().close(null, "lost");
            FakeTransport recovered = engine.sockets.nextOpen(WAIT).accept();
            recovered.connected("c1", "alice", "token-2");
            recovered.groupMessage("g", "m", 1);
            await().until(() -> engine.events.groupTexts().contains("m"));
            recovered.close(null, "lost again");
            assertThat(engine.sockets.nextOpen(WAIT).url()).contains("awps_reconnection_token=token-2");
        }
    }

    @Test
    void stopWhileTheFirstSocketIsOpeningFailsStartAndStops() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            CompletableFuture<Void> start = engine.client.start();
            PendingOpen open = engine.sockets.nextOpen(WAIT);
            engine.client.stop().get(5, TimeUnit.SECONDS);

            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
            assertThatThrownBy(() -> start.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("stopped before connecting");
            FakeTransport late = open.accept();
            await().until(late::closedByClient);
            assertThat(engine.events.of(WebPubSubEvent.Stopped.class)).hasSize(1);
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class)).isEmpty();
        }
    }

    @Test
    void stopWhileAwaitingConnectedClosesTheSocket() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            CompletableFuture<Void> start = engine.client.start();
            FakeTransport socket = engine.sockets.nextOpen(WAIT).accept();
            await().until(() -> engine.sockets.urls().size() == 1);
            engine.client.stop().get(5, TimeUnit.SECONDS);
            assertThat(socket.closedByClient()).isTrue();
            assertThatThrownBy(() -> start.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
        }
    }

    @Test
    void stopWhileConnectedFailsWaitingSendsAndReportsDisconnectedThenStopped() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> unacked = engine.client.sendToGroup("g", MessageData.text("x"));
            await().until(() -> socket.written("sendToGroup").size() == 1);

            engine.client.stop().get(5, TimeUnit.SECONDS);
            assertThat(socket.closedByClient()).isTrue();
            assertThatThrownBy(() -> unacked.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SendFailedException.class,
                            e -> assertThat(e.errorName()).isEqualTo(SendFailedException.STOPPED));
            await().until(() -> engine.events.all().size() == 3);
            assertThat(engine.events.all()).containsExactly(new WebPubSubEvent.Connected("c1", "alice"),
                    new WebPubSubEvent.Disconnected("c1", "alice", 1000, "Stopped by the application"),
                    new WebPubSubEvent.Stopped("c1", "alice", "Stopped by the application"));
        }
    }

    @Test
    void stopWhileRecoveringStopsWithoutAnotherAttempt() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            engine.connect().close(null, "lost");
            PendingOpen recovery = engine.sockets.nextOpen(WAIT);
            engine.client.stop().get(5, TimeUnit.SECONDS);
            recovery.accept();

            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
            assertThat(engine.sockets.maybeNextOpen(Duration.ofMillis(500))).isNull();
            await().until(() -> !engine.events.of(WebPubSubEvent.Stopped.class).isEmpty());
        }
    }

    @Test
    void stopWhileReconnectingCancelsTheNextAttempt() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setReconnectDelay(Duration.ofMillis(300))
                .setMaxReconnectDelay(Duration.ofMillis(300)))) {
            engine.connect().close(1008, "gone");
            await().until(() -> engine.client.state() == ClientState.RECONNECTING);
            engine.client.stop().get(5, TimeUnit.SECONDS);

            assertThat(engine.sockets.maybeNextOpen(Duration.ofMillis(800))).isNull();
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
        }
    }

    @Test
    void stopWhileStoppingReturnsAStageThatCompletesWithTheFirstAndTheClientStopsOnce() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect().holdClose();
            CompletableFuture<Void> first = engine.client.stop();
            await().until(socket::closedByClient);
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPING);

            CompletableFuture<Void> second = engine.client.stop();
            await().during(Duration.ofMillis(300)).until(() -> !first.isDone() && !second.isDone());
            socket.answerClose();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
            await().until(() -> engine.events.all().size() == 3);
            await().during(Duration.ofMillis(300)).until(() -> engine.events.all().size() == 3);
            assertThat(engine.events.all()).containsExactly(new WebPubSubEvent.Connected("c1", "alice"),
                    new WebPubSubEvent.Disconnected("c1", "alice", 1000, "Stopped by the application"),
                    new WebPubSubEvent.Stopped("c1", "alice", "Stopped by the application"));
        }
    }

    @Test
    void aClientStartedAgainAfterAStopNeverAcknowledgesTheOldConnectionsMessagesOnTheNewOne() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.groupMessage("g", "one", 1).groupMessage("g", "two", 2);
            await().atMost(Duration.ofSeconds(3)).until(() -> socket.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":2}"));
            engine.client.stop().get(5, TimeUnit.SECONDS);

            CompletableFuture<Void> start = engine.client.start();
            FakeTransport fresh = engine.sockets.nextOpen(WAIT).accept();
            // Before and after 'connected': sequenceId 2 of the old connection means nothing to the new one, and the
            // service would take it as "received up to 2" of messages it has not sent yet.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> fresh.written("sequenceAck").isEmpty());
            fresh.connected("c2", "alice", "token-2");
            start.get(5, TimeUnit.SECONDS);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .until(() -> fresh.written("sequenceAck").isEmpty());
            fresh.groupMessage("g", "new one", 1);
            await().atMost(Duration.ofSeconds(3)).until(() -> fresh.written("sequenceAck").contains(
                    "{\"type\":\"sequenceAck\",\"sequenceId\":1}"));
            assertThat(fresh.written("sequenceAck")).allMatch(f -> f.endsWith(":1}"));
        }
    }

    @Test
    void startWhileStoppingWaitsForTheStopToFinishThenOpensANewConnection() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect().holdClose();
            CompletableFuture<Void> stop = engine.client.stop();
            await().until(socket::closedByClient);

            CompletableFuture<Void> start = engine.client.start();
            assertThat(engine.sockets.maybeNextOpen(Duration.ofMillis(300))).isNull();
            assertThat(start).isNotDone();
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPING);

            socket.answerClose();
            stop.get(5, TimeUnit.SECONDS);
            PendingOpen next = engine.sockets.nextOpen(WAIT);
            assertThat(isRecovery(next.url())).isFalse();
            next.accept().connected("c2", "alice", "token-2");
            start.get(5, TimeUnit.SECONDS);
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTED);
            await().until(() -> engine.events.all().size() == 4);
            assertThat(engine.events.all()).containsExactly(new WebPubSubEvent.Connected("c1", "alice"),
                    new WebPubSubEvent.Disconnected("c1", "alice", 1000, "Stopped by the application"),
                    new WebPubSubEvent.Stopped("c1", "alice", "Stopped by the application"),
                    new WebPubSubEvent.Connected("c2", "alice"));
        }
    }

    @Test
    void stopBetweenTwoRecoveryAttemptsCancelsTheNextOneEvenForAClientStartedAgainAtOnce() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryDelay(Duration.ofMillis(500)))) {
            engine.connect().close(null, "lost");
            // The first attempt goes at once; refused, the next one waits the recovery delay.
            engine.sockets.nextOpen(WAIT).refuse(new IllegalStateException("unreachable"));
            await().until(() -> engine.client.lastProblem() != null && engine.client.lastProblem().contains("unreachable"));
            assertThat(engine.client.state()).isEqualTo(ClientState.RECOVERING);

            engine.client.stop().get(5, TimeUnit.SECONDS);
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
            // Started again within the delay: the old connection's next attempt must not fire into the new run,
            // which is still connecting when the delay is over.
            CompletableFuture<Void> start = engine.client.start();
            PendingOpen fresh = engine.sockets.nextOpen(WAIT);
            assertThat(isRecovery(fresh.url())).isFalse();
            assertThat(engine.sockets.maybeNextOpen(Duration.ofMillis(1000))).isNull();
            fresh.accept().connected("c2", "alice", "token-2");
            start.get(5, TimeUnit.SECONDS);
            assertThat(engine.client.state()).isEqualTo(ClientState.CONNECTED);
            assertThat(engine.client.connectionId()).isEqualTo("c2");
        }
    }

    @Test
    void aRefusedHandshakeOf403StopsTheClientWithTheReason() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            CompletableFuture<Void> start = engine.client.start();
            engine.sockets.nextOpen(WAIT).refuse(new io.vertx.core.http.UpgradeRejectedException("refused", 403,
                    io.vertx.core.MultiMap.caseInsensitiveMultiMap(), null));

            assertThatThrownBy(() -> start.get(5, TimeUnit.SECONDS)).hasMessageContaining("HTTP 403");
            assertThat(engine.client.state()).isEqualTo(ClientState.STOPPED);
            assertThat(engine.sockets.maybeNextOpen(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void requestsQueuedDuringRecoveryWaitForTheRecoveredSocketAndKeepTheirAckIds() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> inFlight = engine.client.sendToGroup("g", MessageData.text("a"));
            await().until(() -> socket.written("sendToGroup").size() == 1);
            socket.close(null, "lost");
            PendingOpen recovery = engine.sockets.nextOpen(WAIT);
            CompletableFuture<SendResult> queued = engine.client.sendToGroup("g", MessageData.text("b"));

            FakeTransport recovered = recovery.accept();
            await().until(() -> recovered.written("sendToGroup").size() == 2);
            assertThat(recovered.written("sendToGroup").get(0)).contains("\"ackId\":1").contains("\"a\"");
            assertThat(recovered.written("sendToGroup").get(1)).contains("\"ackId\":2").contains("\"b\"");
            recovered.receive("{\"type\":\"ack\",\"ackId\":1,\"success\":false,\"error\":{\"name\":\"Duplicate\"}}");
            recovered.ack(2);
            assertThat(inFlight.get(5, TimeUnit.SECONDS).duplicated()).isTrue();
            assertThat(queued.get(5, TimeUnit.SECONDS).duplicated()).isFalse();
        }
    }
    @Test
    void aDropFailsTheSentInvocationAndOneMadeDuringRecoveryGoesOutOnTheRecoveredSocket() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<InvokeResult> cut = engine.client.invokeEvent("price", MessageData.text("a"));
            await().until(() -> socket.written("invoke").size() == 1);
            socket.close(null, "lost");
            assertThatThrownBy(() -> cut.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(InvocationFailedException.class,
                            e -> assertThat(e.errorName()).isEqualTo(InvocationFailedException.CONNECTION_LOST));

            PendingOpen recovery = engine.sockets.nextOpen(WAIT);
            CompletableFuture<InvokeResult> waiting = engine.client.invokeEvent("price", MessageData.text("b"));
            FakeTransport recovered = recovery.accept();
            await().until(() -> recovered.written("invoke").size() == 1);
            assertThat(recovered.written("invoke").get(0)).contains("\"invocationId\":\"2\"").contains("\"b\"");
            // The cut invocation is never sent again: the handler may have acted on it.
            assertThat(recovered.written("invoke")).noneMatch(frame -> frame.contains("\"a\""));
            recovered.receive("{\"type\":\"invokeResponse\",\"invocationId\":\"2\",\"success\":true,"
                    + "\"dataType\":\"text\",\"data\":\"42\"}");
            assertThat(waiting.get(5, TimeUnit.SECONDS).data()).isEqualTo(MessageData.text("42"));
        }
    }

    @Test
    void anInvocationTimeoutSendsCancelInvocationAndALateAnswerChangesNothing() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<InvokeResult> slow = engine.client.invokeEvent("price", MessageData.text("a"),
                    Duration.ofMillis(200));
            await().until(() -> socket.written("cancelInvocation").size() == 1);
            assertThat(socket.written("cancelInvocation").get(0)).contains("\"invocationId\":\"1\"");
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(InvocationFailedException.class,
                            e -> assertThat(e.errorName()).isEqualTo(InvocationFailedException.TIMEOUT));
            socket.receive("{\"type\":\"invokeResponse\",\"invocationId\":\"1\",\"success\":true}");
            socket.groupMessage("g", "still here", 1);
            await().until(() -> engine.events.groupTexts().contains("still here"));
            assertThat(engine.events.of(WebPubSubEvent.MalformedMessage.class)).isEmpty();
        }
    }

    @Test
    void aConnectionStringMintsAFreshTokenForEveryNewConnectionAndARecoveryAsksForNoNewUrl() throws Exception {
        String connectionString = "Endpoint=http://localhost:1;AccessKey=" + "k".repeat(40) + ";Version=1.0;";
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        io.github.webpubsub.client.ConnectionStringCredential credential = io.github.webpubsub.client
                .ConnectionStringCredential.builder(connectionString, "h").userId("alice").build();
        try (EngineHarness engine = new EngineHarness(options -> options.setCredential(() -> {
            asked.incrementAndGet();
            return credential.clientAccessUrl();
        }))) {
            FakeTransport first = engine.connect();
            first.close(null, "lost");
            FakeTransport recovered = engine.sockets.nextOpen(WAIT).accept();
            await().until(() -> engine.client.state() == ClientState.CONNECTED);
            assertThat(asked.get()).isEqualTo(1);
            recovered.close(1008, "gone");
            engine.sockets.nextOpen(WAIT).accept().connected("c2", "alice", "t2");
            await().until(() -> "c2".equals(engine.client.connectionId()));

            assertThat(asked.get()).isEqualTo(2);
            java.util.List<String> urls = engine.sockets.urls();
            String token1 = urls.get(0).replaceAll(".*access_token=([^&]*).*", "$1");
            String token3 = urls.get(2).replaceAll(".*access_token=([^&]*).*", "$1");
            assertThat(urls.get(1)).contains("access_token=" + token1).contains("awps_connection_id=c1");
            assertThat(urls.get(2)).doesNotContain("awps_connection_id");
            assertThat(token3).isNotEqualTo(token1);
        }
    }

    @Test
    void ackedSendsInFlightAreBoundedAndTheRestWaitForAcks() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setMaxInFlightSends(2))) {
            FakeTransport socket = engine.connect();
            java.util.List<CompletableFuture<SendResult>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sends.add(engine.client.sendToGroup("g", MessageData.text("m" + i)));
            }
            await().until(() -> socket.written("sendToGroup").size() == 2);
            await().during(Duration.ofMillis(300)).until(() -> socket.written("sendToGroup").size() == 2);
            socket.ack(1);
            await().until(() -> socket.written("sendToGroup").size() == 3);
            socket.ack(2).ack(3);
            await().until(() -> socket.written("sendToGroup").size() == 5);
            socket.ack(4).ack(5);
            for (CompletableFuture<SendResult> send : sends) {
                send.get(5, TimeUnit.SECONDS);
            }
            assertThat(socket.written("sendToGroup")).extracting(f -> f.replaceAll(".*\"data\":\"(m\\d)\".*", "$1"))
                    .containsExactly("m0", "m1", "m2", "m3", "m4");
        }
    }

    @Test
    void aFullWriteQueueHoldsNewWritesUntilItDrains() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.writeQueueFull(true);
            CompletableFuture<SendResult> held = engine.client.sendToGroup("g", MessageData.text("held"));
            await().during(Duration.ofMillis(300)).until(() -> socket.written("sendToGroup").isEmpty());
            socket.writeQueueFull(false);
            await().until(() -> socket.written("sendToGroup").size() == 1);
            socket.ack(1);
            assertThat(held.get(5, TimeUnit.SECONDS).ackId()).isEqualTo(1L);
        }
    }

    @Test
    void aFullWriteQueueHoldsNewInvocationsUntilItDrainsAndEachGoesOutOnce() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            socket.writeQueueFull(true);
            CompletableFuture<InvokeResult> held = engine.client.invokeEvent("price", MessageData.text("held"));
            CompletableFuture<InvokeResult> expires = engine.client.invokeEvent("price", MessageData.text("expires"),
                    Duration.ofMillis(300));
            // One that times out while held was never sent: nothing to cancel, and the caller is told so.
            assertThatThrownBy(() -> expires.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(InvocationFailedException.class, e -> {
                        assertThat(e.errorName()).isEqualTo(InvocationFailedException.TIMEOUT);
                        assertThat(e.getMessage()).contains("nothing was sent");
                    });
            await().during(Duration.ofMillis(300)).until(() -> socket.written("invoke").isEmpty());

            socket.writeQueueFull(false);
            await().until(() -> socket.written("invoke").size() == 1);
            assertThat(socket.written("invoke").get(0)).contains("\"invocationId\":\"1\"").contains("\"held\"");
            socket.receive("{\"type\":\"invokeResponse\",\"invocationId\":\"1\",\"success\":true,"
                    + "\"dataType\":\"text\",\"data\":\"42\"}");
            assertThat(held.get(5, TimeUnit.SECONDS).data()).isEqualTo(MessageData.text("42"));
            socket.writeQueueFull(true);
            socket.writeQueueFull(false);
            await().during(Duration.ofMillis(300)).until(() -> socket.written("invoke").size() == 1);
            assertThat(socket.written("cancelInvocation")).isEmpty();
        }
    }

    @Test
    void listenersRunOnTheGivenDeliveryExecutor() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                runnable -> new Thread(runnable, "my-delivery-thread"));
        java.util.List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EngineHarness engine = new EngineHarness(options -> options.setDeliveryExecutor(pool))) {
            engine.client.addListener(event -> threads.add(Thread.currentThread().getName()));
            FakeTransport socket = engine.connect();
            socket.groupMessage("g", "m", 1);
            await().until(() -> engine.events.groupTexts().contains("m"));
            assertThat(threads).isNotEmpty().allMatch("my-delivery-thread"::equals);
        } finally {
            pool.shutdownNow();
        }
    }
    @Test
    void aNewConnectionsConnectedEventReachesListenersBeforeAnyMessageThatArrivedAfterIt() throws Exception {
        try (EngineHarness engine = new EngineHarness()) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> join = engine.client.joinGroup("g");
            await().until(() -> socket.written("joinGroup").size() == 1);
            socket.ack(1);
            join.get(5, TimeUnit.SECONDS);
            socket.close(1008, "gone");

            FakeTransport second = engine.sockets.nextOpen(WAIT).accept();
            second.connected("c2", "alice", "t2");
            await().until(() -> second.written("joinGroup").size() == 1);
            // A message arrives before the rejoin's ack: it must not overtake "connected".
            second.groupMessage("g", "early", 1);
            await().during(Duration.ofMillis(200)).until(() -> !engine.events.groupTexts().contains("early"));
            second.receive(second.written("joinGroup").get(0).contains("\"ackId\":2")
                    ? "{\"type\":\"ack\",\"ackId\":2,\"success\":true}" : "{\"type\":\"ack\",\"ackId\":1,\"success\":true}");

            await().until(() -> engine.events.groupTexts().contains("early"));
            java.util.List<WebPubSubEvent> all = engine.events.all();
            int connected = all.indexOf(new WebPubSubEvent.Connected("c2", "alice"));
            int early = all.indexOf(engine.events.of(WebPubSubEvent.GroupMessage.class).get(0));
            assertThat(connected).isNotNegative().isLessThan(early);
        }
    }

    @Test
    void aRecoveryTheServiceRefusesIsNeitherReportedAsRecoveredNorFedTheQueuedSends() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setRecoveryDelay(Duration.ofSeconds(2)))) {
            engine.connect().close(null, "the connection was lost without a close frame");
            PendingOpen recovery = engine.sockets.nextOpen(WAIT);
            CompletableFuture<SendResult> queued = engine.client.sendToGroup("g", MessageData.text("waiting"));
            FakeTransport refused = recovery.accept();
            refused.receive("{\"type\":\"system\",\"event\":\"disconnected\",\"message\":\"The connection could not be recovered.\"}");
            refused.close(1008, "The connection could not be recovered.");

            PendingOpen fresh = engine.sockets.nextOpen(WAIT);
            assertThat(isRecovery(fresh.url())).isFalse();
            assertThat(refused.written()).isEmpty();
            assertThat(engine.events.of(WebPubSubEvent.Recovered.class)).isEmpty();
            await().until(() -> !engine.events.of(WebPubSubEvent.Disconnected.class).isEmpty());
            assertThat(engine.events.of(WebPubSubEvent.Disconnected.class)).singleElement().satisfies(d -> {
                assertThat(d.closeCode()).isEqualTo(1008);
                assertThat(d.reason()).startsWith("the connection was lost without a close frame")
                        .contains("could not be recovered");
            });
            FakeTransport second = fresh.accept();
            second.connected("c2", "alice", "t2");
            await().until(() -> second.written("sendToGroup").size() == 1);
            assertThat(queued).isNotDone();
        }
    }
    @Test
    void statisticsCountWhatHappened() throws Exception {
        try (EngineHarness engine = new EngineHarness(options -> options.setSequenceAckInterval(Duration.ofSeconds(30)))) {
            FakeTransport socket = engine.connect();
            CompletableFuture<SendResult> join = engine.client.joinGroup("g");
            await().until(() -> socket.written("joinGroup").size() == 1);
            socket.ack(1);
            join.get(5, TimeUnit.SECONDS);
            CompletableFuture<SendResult> duplicate = engine.client.sendToGroup("g", MessageData.text("x"));
            CompletableFuture<SendResult> pending = engine.client.sendToGroup("g", MessageData.text("y"));
            await().until(() -> socket.written("sendToGroup").size() == 2);
            socket.receive("{\"type\":\"ack\",\"ackId\":2,\"success\":false,\"error\":{\"name\":\"Duplicate\"}}");
            duplicate.get(5, TimeUnit.SECONDS);
            socket.groupMessage("g", "a", 1).groupMessage("g", "b", 2).receive("garbage");
            await().until(() -> engine.events.groupTexts().size() == 2);

            io.github.webpubsub.client.ClientStatistics before = engine.client.statistics();
            assertThat(before.groups()).containsExactly("g");
            assertThat(before.sendsInFlight()).isEqualTo(1);
            assertThat(before.duplicates()).isEqualTo(1);
            assertThat(before.messagesReceived()).isEqualTo(3);
            assertThat(before.receiveLag()).isEqualTo(2);
            assertThat(before.malformedMessages()).isEqualTo(1);

            socket.close(4001, "blip");
            engine.sockets.nextOpen(WAIT).accept().connected("c1", "alice", "token-2");
            await().until(() -> engine.client.statistics().recoveries() == 1);
            io.github.webpubsub.client.ClientStatistics after = engine.client.statistics();
            assertThat(after.lastCloseCode()).isEqualTo(4001);
            assertThat(after.sendRetries()).isEqualTo(1);
            assertThat(after.reconnections()).isZero();
            assertThat(after.receiveLag()).isZero();
            assertThat(pending).isNotDone();
        }
    }

    /**
     * Accepts every recovery attempt of a client whose recovery delay is 200 ms and window 1.5 s, and lets
     * {@code answer} end each socket; checks the attempts were at least the delay apart, about eight of them, and
     * returns the new-connection attempt that follows the window.
     */
    private static PendingOpen answerRecoveriesUntilANewConnection(EngineHarness engine,
            java.util.function.Consumer<FakeTransport> answer) {
        int recoveries = 0;
        long previous = 0;
        while (true) {
            PendingOpen open = engine.sockets.nextOpen(WAIT);
            if (!isRecovery(open.url())) {
                assertThat(recoveries).as("recovery attempts in 1.5 s, 200 ms apart").isBetween(4, 10);
                return open;
            }
            long now = System.nanoTime();
            if (recoveries > 0) {
                assertThat(Duration.ofNanos(now - previous)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
            }
            previous = now;
            recoveries++;
            assertThat(recoveries).as("recovery attempts").isLessThan(20);
            answer.accept(open.accept());
        }
    }
}
