package com.langomni.gateway.service;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import com.langomni.api.game.ActionRequest;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * One player socket: who it is, the token it authenticated with, its action queue and where it stands in the
 * player's outbox ({@link OutboxCursor}). It exists from the moment the socket asks to be admitted, so frames
 * published while the orchestrator admits it are held, not lost.
 */
public final class PlayerSession {

    /** RFC 6455 caps a close reason at 123 bytes. */
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private final WebSocketConnection connection;
    private final String playerId;
    private final String token;
    private final ActionQueue actions;
    private final FrameRate frameRate;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean admitted = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final OutboxCursor cursor;
    private final RefusalCount refusals;
    private final AtomicLong lastAcknowledged = new AtomicLong();

    public PlayerSession(WebSocketConnection connection, String playerId, String token, int maxQueuedActions,
            FrameRate frameRate, BiFunction<PlayerSession, ActionRequest, Uni<Void>> forwarder) {
        this(connection, playerId, token, maxQueuedActions, frameRate, new RefusalCount(64, 10_000_000_000L, System::nanoTime),
                forwarder);
    }

    public PlayerSession(WebSocketConnection connection, String playerId, String token, int maxQueuedActions,
            FrameRate frameRate, RefusalCount refusals, BiFunction<PlayerSession, ActionRequest, Uni<Void>> forwarder) {
        this.refusals = refusals;
        this.connection = connection;
        this.playerId = playerId;
        this.token = token;
        this.frameRate = frameRate;
        this.actions = new ActionQueue(maxQueuedActions, action -> forwarder.apply(this, action));
        this.cursor = new OutboxCursor(this::write);
    }

    /** The orchestrator admitted the socket (it counts it as present until told it closed). */
    public void admitted() {
        admitted.set(true);
    }

    /**
     * True exactly once for an admitted socket: the caller then tells the orchestrator this socket is gone. Both
     * the socket's own close and the gateway's shutdown try, and the orchestrator must hear it once.
     */
    public boolean release() {
        return admitted.get() && released.compareAndSet(false, true);
    }

    /** Marks the socket as closing for abuse: true for the first caller. */
    public boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    public boolean isClosing() {
        return closing.get();
    }

    /** Counts an action refused for a full queue; true when that makes this socket abusive. */
    public boolean refusedAction() {
        return refusals.add();
    }

    /** The orchestrator acknowledged an answer for this socket at outbox seq {@code seq}. */
    public void acknowledged(long seq) {
        lastAcknowledged.accumulateAndGet(seq, Math::max);
    }

    public long lastAcknowledged() {
        return lastAcknowledged.get();
    }

    public OutboxCursor cursor() {
        return cursor;
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

    /** An unsequenced frame (a narration delta, an answer to this socket's own frame). */
    public Uni<Void> send(String json) {
        return connection.sendText(json);
    }

    private void write(String json) {
        if (connection == null || !connection.isOpen()) {
            return;
        }
        connection.sendText(json).subscribe().with(done -> { }, failure -> { });
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
