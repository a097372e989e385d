package com.langomni.gateway.service;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import com.langomni.api.game.ActionRequest;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** One accepted player socket: who it is, the token it authenticated with, and its action queue. */
public final class PlayerSession {

    /** RFC 6455 caps a close reason at 123 bytes. */
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private final WebSocketConnection connection;
    private final String playerId;
    private final String token;
    private final ActionQueue actions;
    private final FrameRate frameRate;
    private final AtomicBoolean released = new AtomicBoolean();

    public PlayerSession(WebSocketConnection connection, String playerId, String token, int maxQueuedActions,
            FrameRate frameRate, BiFunction<PlayerSession, ActionRequest, Uni<Void>> forwarder) {
        this.connection = connection;
        this.playerId = playerId;
        this.token = token;
        this.frameRate = frameRate;
        this.actions = new ActionQueue(maxQueuedActions, action -> forwarder.apply(this, action));
    }

    /**
     * True exactly once: the caller then tells the orchestrator this socket is gone. Both the socket's own close
     * and the gateway's shutdown try, and the orchestrator must hear it once (it counts connections).
     */
    public boolean release() {
        return released.compareAndSet(false, true);
    }

    /** False when this socket sends frames faster than allowed (a flood). */
    public boolean admitFrame() {
        return frameRate.tryAcquire();
    }

    public String playerId() {
        return playerId;
    }

    /** The player's bearer token, for calls made on the player's behalf; never log it. */
    public String token() {
        return token;
    }

    public ActionQueue actions() {
        return actions;
    }

    public String connectionId() {
        return connection.id();
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    public Uni<Void> send(String json) {
        return connection.sendText(json);
    }

    public Uni<Void> close(int code, String reason) {
        actions.close();
        return connection.close(new CloseReason(code, fitCloseReason(reason)));
    }

    static String fitCloseReason(String reason) {
        if (reason == null) {
            return "";
        }
        String fitted = reason;
        while (fitted.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    @Override
    public String toString() {
        return "PlayerSession[player=" + playerId + ", connection=" + (connection == null ? "-" : connection.id()) + "]";
    }
}
