package com.langomni.api.game;

import java.util.List;

/**
 * What a player's outbox holds after a sequence number.
 *
 * @param seq    the outbox's last sequence number when it was read
 * @param resume {@code ok} (every frame after the asked number is in {@code frames}), {@code expired} (they are
 *               gone: beyond retention) or null (nothing was asked)
 * @param frames the frames after the asked number, oldest first
 */
public record OutboxReplay(long seq, String resume, List<OutboxFrame> frames) {
    public static OutboxReplay fresh(long seq) {
        return new OutboxReplay(seq, null, List.of());
    }
}
