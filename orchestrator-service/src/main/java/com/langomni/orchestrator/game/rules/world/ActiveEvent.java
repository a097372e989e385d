package com.langomni.orchestrator.game.rules.world;

/** A world event under way: started at {@code startedAt}, over at {@code endsAt} (epoch millis). */
public record ActiveEvent(WorldEventKind kind, long startedAt, long endsAt) {

    public boolean activeAt(long nowMillis) {
        return nowMillis >= startedAt && nowMillis < endsAt;
    }
}
