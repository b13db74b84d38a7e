package io.github.webpubsub.emulator.ws;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.emulator.auth.Permission;
import io.github.webpubsub.emulator.fault.AckFault;
import io.github.webpubsub.emulator.fault.FaultPlan;
import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.hub.ConnectionLifecycle;
import io.github.webpubsub.emulator.protocol.AckErrors;
import io.github.webpubsub.emulator.protocol.ClientRequest;
import io.github.webpubsub.emulator.protocol.ClientRequestParser;
import io.github.webpubsub.emulator.protocol.OutboundMessage;
import io.github.webpubsub.emulator.protocol.Payload;
import io.github.webpubsub.emulator.protocol.ProtobufRequestParser;
import io.github.webpubsub.emulator.protocol.ProtocolViolation;
import io.github.webpubsub.emulator.protocol.ServerFrames;
import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;
import io.github.webpubsub.emulator.upstream.HandlerReply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Carries out the requests of connected clients: group membership, publishing, user events, sequence acks and pings,
 * each acked as the service acks it. A frame that breaks the protocol ends its own connection and nothing else.
 */
public final class RequestProcessor {

    /** The largest client message the service accepts. */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);

    private final Vertx vertx;
    private final ConnectionLifecycle lifecycle;
    private final FaultPlan faults;
    private final UserEventSink events;
    private final TraceSink trace;

    public RequestProcessor(Vertx vertx, ConnectionLifecycle lifecycle, FaultPlan faults, UserEventSink events,
            TraceSink trace) {
        this.trace = trace;
        this.vertx = vertx;
        this.lifecycle = lifecycle;
        this.faults = faults;
        this.events = events;
    }

    public void onText(ClientConnection connection, String text) {
        if (connection.protocol().protobuf()) {
            reject(connection, new ProtocolViolation("The protobuf subprotocols take binary frames only."));
            return;
        }
        if (text.length() > MAX_MESSAGE_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            reject(connection, new ProtocolViolation(ProtocolViolation.MESSAGE_TOO_BIG, "The client message is too large."));
            return;
        }
        if (connection.state() != ClientConnection.State.CONNECTED || connection.silenced()) {
            return;
        }
        try {
            handle(connection, ClientRequestParser.parse(text, connection.protocol().reliable()));
        } catch (ProtocolViolation violation) {
            reject(connection, violation);
        }
    }

    /** Protobuf requests; on the JSON subprotocols the docs allow JSON requests in binary frames, as UTF-8. */
    public void onBinary(ClientConnection connection, Buffer data) {
        if (data.length() > MAX_MESSAGE_BYTES) {
            reject(connection, new ProtocolViolation(ProtocolViolation.MESSAGE_TOO_BIG, "The client message is too large."));
            return;
        }
        if (!connection.protocol().protobuf()) {
            onText(connection, data.toString(StandardCharsets.UTF_8));
            return;
        }
        if (connection.state() != ClientConnection.State.CONNECTED || connection.silenced()) {
            return;
        }
        try {
            handle(connection, ProtobufRequestParser.parse(data, connection.protocol().reliable()));
        } catch (ProtocolViolation violation) {
            reject(connection, violation);
        }
    }

    private void reject(ClientConnection connection, ProtocolViolation violation) {
        LOG.warn("Closing connection {} in hub {} with {}: {}", connection.id(), connection.hub().name(),
                violation.closeCode(), violation.getMessage());
        lifecycle.close(connection, violation.closeCode(), violation.getMessage());
    }

    private void handle(ClientConnection connection, ClientRequest request) {
        if (request instanceof ClientRequest.Ping) {
            connection.sendControl(ServerFrames.PONG);
        } else if (request instanceof ClientRequest.SequenceAck ack) {
            connection.onSequenceAck(ack.sequenceId());
            if (trace.active()) {
                trace.publish(connection.traceEntryWithUnacked(TraceKind.SEQUENCE_ACK).with("sequenceId", ack.sequenceId()));
            }
        } else if (request instanceof ClientRequest.JoinGroup join) {
            membership(connection, new Acked(join.ackId(), "joinGroup", join.group()), true);
        } else if (request instanceof ClientRequest.LeaveGroup leave) {
            membership(connection, new Acked(leave.ackId(), "leaveGroup", leave.group()), false);
        } else if (request instanceof ClientRequest.SendToGroup send) {
            sendToGroup(connection, send);
        } else if (request instanceof ClientRequest.Event event) {
            event(connection, event);
        } else if (request instanceof ClientRequest.Invoke invoke) {
            invoke(connection, invoke);
        } else if (request instanceof ClientRequest.CancelInvocation cancel) {
            boolean running = connection.endInvocation(cancel.invocationId());
            if (trace.active()) {
                trace.publish(connection.traceEntry(TraceKind.CANCEL_INVOCATION).with("invocationId", cancel.invocationId())
                        .with("running", running));
            }
        }
    }

    /**
     * Delivers an invocation to the event handler as the user event it is, and answers with what the handler
     * answered: its body on a 2xx, an error named after its status otherwise. Error names and messages are the
     * emulator's assumption (docs/emulator.md): the service documents none for invocations.
     */
    private void invoke(ClientConnection connection, ClientRequest.Invoke invoke) {
        String id = invoke.invocationId();
        if (trace.active()) {
            TraceEvent.Builder entry = connection.traceEntry(TraceKind.INVOKE).with("invocationId", id)
                    .with("target", invoke.target()).with("event", invoke.event());
            trace.publish(invoke.payload() == null ? entry : entry.data(invoke.payload()));
        }
        if (!"event".equals(invoke.target())) {
            answerError(connection, id, AckErrors.BAD_REQUEST, "Unsupported invoke target '" + abbreviate(invoke.target())
                    + "': only 'event' is supported.");
            return;
        }
        if (connection.invocationRunning(id)) {
            answerError(connection, id, AckErrors.BAD_REQUEST, "Invocation '" + id + "' is already running.");
            return;
        }
        if (!connection.startInvocation(id)) {
            answerError(connection, id, AckErrors.BAD_REQUEST, ClientConnection.MAX_INVOCATIONS
                    + " invocations of this connection are already waiting for the event handler.");
            return;
        }
        events.invoke(connection, invoke.event(), invoke.payload()).onComplete(result -> {
            if (!connection.endInvocation(id)) {
                LOG.debug("Invocation {} of connection {} was cancelled: its answer is dropped", id, connection.id());
                return;
            }
            if (result.failed()) {
                LOG.warn("The event handler failed invocation {} of event '{}' of connection {}: {}", id, invoke.event(),
                        connection.id(), result.cause().getMessage());
                answerError(connection, id, AckErrors.INTERNAL_SERVER_ERROR,
                        "The event handler could not be reached or did not answer in time.");
            } else if (result.result() == null) {
                answerError(connection, id, AckErrors.NOT_FOUND,
                        "No event handler is configured for event '" + invoke.event() + "'.");
            } else if (!result.result().succeeded()) {
                HandlerReply reply = result.result();
                answerError(connection, id, errorFor(reply.status()), "The event handler answered HTTP " + reply.status()
                        + (reply.detail().isBlank() ? "." : ": " + reply.detail()));
            } else {
                Payload payload = result.result().payload();
                if (trace.active()) {
                    TraceEvent.Builder entry = connection.traceEntry(TraceKind.INVOKE_RESPONSE).with("invocationId", id)
                            .with("result", "Success");
                    trace.publish(payload == null ? entry : entry.data(payload));
                }
                connection.sendControl(ServerFrames.invokeResponse(id, payload));
            }
        });
    }

    /** The error name for a handler's status: the names acks use, picked by the status class. */
    private static String errorFor(int status) {
        return switch (status) {
            case 401, 403 -> AckErrors.FORBIDDEN;
            case 404 -> AckErrors.NOT_FOUND;
            default -> status / 100 == 4 ? AckErrors.BAD_REQUEST : AckErrors.INTERNAL_SERVER_ERROR;
        };
    }

    private void answerError(ClientConnection connection, String invocationId, String errorName, String message) {
        if (trace.active()) {
            trace.publish(connection.traceEntry(TraceKind.INVOKE_RESPONSE).with("invocationId", invocationId)
                    .with("result", errorName).with("message", message));
        }
        connection.sendControl(ServerFrames.invokeError(invocationId, errorName, message));
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    /** What an ack answers, for the live trace: the request's ackId, type and group. */
    private record Acked(Long ackId, String request, String group) {
    }

    private void membership(ClientConnection connection, Acked request, boolean join) {
        AckFault fault = admit(connection, request);
        if (fault == null) {
            return;
        }
        String group = request.group();
        if (!connection.permissions().allows(Permission.JOIN_LEAVE_GROUP, group)) {
            nack(connection, request, AckErrors.FORBIDDEN, join ? AckErrors.forbiddenJoin(group) : AckErrors.forbiddenLeave(group));
            return;
        }
        if (join) {
            connection.hub().join(connection, group);
        } else {
            connection.hub().leave(connection, group);
        }
        ack(connection, request, fault);
    }

    private void sendToGroup(ClientConnection connection, ClientRequest.SendToGroup send) {
        if (trace.active()) {
            trace.publish(connection.traceEntry(TraceKind.MESSAGE).with("direction", "in").with("request", "sendToGroup")
                    .with("group", send.group()).data(send.payload()).with("ackId", send.ackId()).with("noEcho", send.noEcho()));
        }
        Acked request = new Acked(send.ackId(), "sendToGroup", send.group());
        AckFault fault = admit(connection, request);
        if (fault == null) {
            return;
        }
        if (!connection.permissions().allows(Permission.SEND_TO_GROUP, send.group())) {
            nack(connection, request, AckErrors.FORBIDDEN, AckErrors.forbiddenSend(send.group()));
            return;
        }
        ack(connection, request, fault);
        OutboundMessage message = OutboundMessage.fromGroup(send.group(), connection.userId(), send.payload());
        connection.hub().sendToGroup(send.group(), message, target -> !(send.noEcho() && target == connection));
    }

    private void event(ClientConnection connection, ClientRequest.Event event) {
        if (trace.active()) {
            trace.publish(connection.traceEntry(TraceKind.MESSAGE).with("direction", "in").with("request", "event")
                    .with("event", event.event()).data(event.payload()).with("ackId", event.ackId()));
        }
        Acked request = new Acked(event.ackId(), "event", null);
        AckFault fault = admit(connection, request);
        if (fault == null) {
            return;
        }
        events.dispatch(connection, event.event(), event.payload()).onComplete(result -> {
            if (result.succeeded()) {
                if (result.result() != null) {
                    connection.hub().deliver(List.of(connection), OutboundMessage.fromServer(result.result()), c -> true);
                }
                ack(connection, request, fault);
            } else {
                LOG.warn("The event handler failed for event '{}' of connection {}: {}", event.event(), connection.id(),
                        result.cause().getMessage());
                if (event.ackId() != null) {
                    connection.forgetAckId(event.ackId());
                }
                nack(connection, request, AckErrors.INTERNAL_SERVER_ERROR, "Internal server error");
            }
        });
    }

    /**
     * Applies injected faults and duplicate detection to a request.
     *
     * @return the fault for its ack, or {@code null} when the request was already answered and must not run
     */
    private AckFault admit(ClientConnection connection, Acked request) {
        Long ackId = request.ackId();
        if (ackId == null) {
            return AckFault.NONE;
        }
        AckFault fault = faults.nextAck();
        if (fault instanceof AckFault.Fail fail) {
            traceAppliedFault(connection, "failAcks");
            traceAck(connection, request, fail.errorName(), fail.message(), "failAcks");
            connection.sendControl(ServerFrames.ackError(ackId, fail.errorName(), fail.message()));
            return null;
        }
        if (!connection.recordAckId(ackId)) {
            String message = AckErrors.duplicateMessage(ackId);
            traceAck(connection, request, AckErrors.DUPLICATE, message, null);
            connection.sendControl(ServerFrames.ackError(ackId, AckErrors.DUPLICATE, message));
            return null;
        }
        return fault;
    }

    private void ack(ClientConnection connection, Acked request, AckFault fault) {
        Long ackId = request.ackId();
        if (ackId == null) {
            return;
        }
        if (fault instanceof AckFault.Withhold) {
            traceAppliedFault(connection, "withholdAcks");
            traceAck(connection, request, "Success", null, "withholdAcks");
            return;
        }
        String frame = ServerFrames.ackSuccess(ackId);
        if (fault instanceof AckFault.Delay delay) {
            traceAppliedFault(connection, "delayAcks");
            vertx.setTimer(Math.max(1, delay.delay().toMillis()), t -> {
                traceAck(connection, request, "Success", null, "delayAcks");
                connection.sendControl(frame);
            });
        } else {
            traceAck(connection, request, "Success", null, null);
            connection.sendControl(frame);
        }
    }

    /** A failed request: its ackId stays usable, so that a retry of it is not taken for a duplicate. */
    private void nack(ClientConnection connection, Acked request, String errorName, String message) {
        Long ackId = request.ackId();
        if (ackId == null) {
            LOG.debug("Fire-and-forget request of connection {} failed silently: {}", connection.id(), message);
            return;
        }
        traceAck(connection, request, errorName, message, null);
        connection.forgetAckId(ackId);
        connection.sendControl(ServerFrames.ackError(ackId, errorName, message));
    }

    /** {@code fault} names the injected fault that shaped this ack: a withheld ack is traced though never sent. */
    private void traceAck(ClientConnection connection, Acked request, String result, String message, String fault) {
        if (trace.active()) {
            TraceEvent.Builder entry = connection.traceEntryWithUnacked(TraceKind.ACK).with("ackId", request.ackId())
                    .with("request", request.request()).with("group", request.group()).with("result", result)
                    .with("message", message).with("fault", fault);
            if ("withholdAcks".equals(fault)) {
                entry.with("withheld", true);
            }
            trace.publish(entry);
        }
    }

    private void traceAppliedFault(ClientConnection connection, String fault) {
        if (trace.active()) {
            trace.publish(connection.traceEntry(TraceKind.FAULT).with("action", "applied").with("fault", fault));
        }
    }
}
