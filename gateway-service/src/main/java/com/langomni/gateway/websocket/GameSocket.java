package com.langomni.gateway.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.langomni.api.protocol.CloseCodes;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.api.protocol.ErrorFrame;
import com.langomni.api.protocol.PongFrame;
import com.langomni.gateway.config.GatewayConfig;
import com.langomni.gateway.protocol.ClientFrame;
import com.langomni.gateway.protocol.ClientFrameParser;
import com.langomni.gateway.protocol.FrameWriter;
import com.langomni.gateway.service.GatewayMetrics;
import com.langomni.gateway.service.OutboxCatchUp;
import com.langomni.gateway.service.PlayerSession;
import com.langomni.gateway.service.SocketSessions;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;

/**
 * The player socket (DESIGN §5). Callbacks of one connection run one after another (the default serial inbound
 * mode), so no frame is handled before {@code @OnOpen} admitted the player. Handlers only parse and enqueue; the
 * orchestrator calls happen in the socket's {@link com.langomni.gateway.service.ActionQueue}, so pings are
 * answered at once even while actions wait.
 */
@WebSocket(path = "/ws/game/{playerId}")
public class GameSocket {

    private final SocketSessions sessions;
    private final ClientFrameParser parser;
    private final FrameWriter frames;
    private final GatewayMetrics metrics;
    private final GatewayConfig config;
    private final OutboxCatchUp catchUp;

    public GameSocket(SocketSessions sessions, ClientFrameParser parser, FrameWriter frames, GatewayMetrics metrics,
            GatewayConfig config, OutboxCatchUp catchUp) {
        this.catchUp = catchUp;
        this.sessions = sessions;
        this.parser = parser;
        this.frames = frames;
        this.metrics = metrics;
        this.config = config;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        return sessions.open(connection);
    }

    @OnTextMessage
    public Uni<Void> onText(String text, WebSocketConnection connection) {
        if (exceedsFrameLimit(text)) {
            return tooLarge(connection);
        }
        Optional<PlayerSession> session = sessions.sessionOf(connection);
        if (session.isEmpty()) {
            return Uni.createFrom().voidItem(); // refused at open; the socket is closing
        }
        if (session.get().isClosing()) {
            return Uni.createFrom().voidItem(); // closing for abuse: it answers what it took, nothing more
        }
        if (!session.get().admitFrame()) {
            return abuse(session.get(), "Too many frames; slow down");
        }
        ClientFrame frame = parser.parse(text);
        if (frame instanceof ClientFrame.Action action) {
            return enqueue(session.get(), action);
        }
        if (frame instanceof ClientFrame.Invalid invalid) {
            return send(connection, frames.write(ErrorFrame.of(invalid.actionId(), ErrorCodes.BAD_REQUEST, invalid.message())));
        }
        return send(connection, frames.write(PongFrame.INSTANCE));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(Buffer ignored, WebSocketConnection connection) {
        Optional<PlayerSession> session = sessions.sessionOf(connection);
        if (session.isPresent() && session.get().isClosing()) {
            return Uni.createFrom().voidItem();
        }
        if (session.isPresent() && !session.get().admitFrame()) {
            return abuse(session.get(), "Too many frames; slow down");
        }
        return send(connection, frames.write(
                ErrorFrame.of(null, ErrorCodes.BAD_REQUEST, "Send JSON text frames; binary frames are not understood.")));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection);
    }

    /**
     * Transport errors of one connection. A frame past the codec's hard cap
     * ({@code quarkus.websockets-next.server.max-frame-size}) arrives here after Vert.x already dropped the
     * connection; a message past {@code max-message-size} across continuation frames arrives on an open one.
     */
    @OnError
    public Uni<Void> onError(Throwable failure, WebSocketConnection connection) {
        if (failure instanceof CorruptedWebSocketFrameException || failure instanceof HttpClosedException) {
            Log.debugf("Socket %s dropped by the transport: %s", connection.id(), failure.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (isOversizeMessage(failure)) {
            return tooLarge(connection);
        }
        Log.warnf("Socket %s of player %s failed: %s", connection.id(), connection.pathParam("playerId"), failure.toString());
        return connection.isOpen()
                ? send(connection, frames.write(ErrorFrame.of(null, ErrorCodes.INTERNAL, "The gateway could not handle that frame.")))
                : Uni.createFrom().voidItem();
    }

    /** A full queue answers the extra action rate_limited; only many of those in a short time close the socket. */
    private Uni<Void> enqueue(PlayerSession session, ClientFrame.Action action) {
        if (session.actions().offer(action.request())) {
            return Uni.createFrom().voidItem();
        }
        metrics.refused(ErrorCodes.RATE_LIMITED);
        Uni<Void> refused = send(session, frames.write(ErrorFrame.of(action.request().id(),
                ErrorCodes.RATE_LIMITED, "Too many actions waiting; this one was not taken. Send it again (same id) "
                        + "once earlier ones are answered.")));
        return session.refusedAction() ? refused.chain(() -> abuse(session, "Too many actions; slow down")) : refused;
    }

    /**
     * Abuse closes the socket, but only once every action it already took is answered: it takes nothing more, its
     * queue drains, the answers acknowledged so far reach it, then it closes with 1008.
     */
    private Uni<Void> abuse(PlayerSession session, String reason) {
        if (!session.startClosing()) {
            return Uni.createFrom().voidItem();
        }
        Log.infof("Closing %s once its actions are answered: %s", session, reason);
        metrics.socketClosed("flood");
        session.actions().drain(() -> catchUp.closeWhenAnswered(session, CloseCodes.FLOOD, reason));
        return Uni.createFrom().voidItem();
    }

    /**
     * The protocol limit, checked here rather than by the codec: Vert.x's codec drops an oversize frame without a
     * close frame, while the contract promises the client a 1009 it can see.
     */
    private boolean exceedsFrameLimit(String text) {
        int limit = config.maxFrameBytes();
        if (text.length() > limit) {
            return true; // UTF-8 never takes fewer bytes than chars
        }
        return text.length() * 3L > limit && text.getBytes(StandardCharsets.UTF_8).length > limit;
    }

    private Uni<Void> tooLarge(WebSocketConnection connection) {
        metrics.socketClosed("too_large");
        String message = "Frames are at most " + config.maxFrameBytes() + " bytes.";
        return send(connection, frames.write(ErrorFrame.of(null, ErrorCodes.TOO_LARGE, message)))
                .chain(() -> connection.close(new CloseReason(CloseCodes.TOO_LARGE, message)));
    }

    /** Vert.x reports the aggregated-message limit as an IllegalStateException with this wording. */
    private static boolean isOversizeMessage(Throwable failure) {
        return failure instanceof IllegalStateException
                && failure.getMessage() != null && failure.getMessage().contains("max message size");
    }

    private static Uni<Void> send(PlayerSession session, String json) {
        return session.send(json)
                .onFailure().invoke(t -> Log.debugf("Frame not delivered to %s: %s", session, t.toString()))
                .onFailure().recoverWithNull();
    }

    private static Uni<Void> send(WebSocketConnection connection, String json) {
        return connection.sendText(json)
                .onFailure().invoke(t -> Log.debugf("Frame not delivered on %s: %s", connection.id(), t.toString()))
                .onFailure().recoverWithNull();
    }
}
