package com.langomni.orchestrator.game.rules.world;

import java.util.Optional;

/**
 * What the admins have done to the world as a whole: paused it (actions that change state are refused), and the
 * event they last started (in effect until it ends).
 *
 * @param event null when none was started
 */
public record WorldStatus(boolean paused, ActiveEvent event) {

    public static final WorldStatus RUNNING = new WorldStatus(false, null);

    /** The event in effect at {@code nowMillis}. */
    public Optional<ActiveEvent> eventAt(long nowMillis) {
        return event != null && event.activeAt(nowMillis) ? Optional.of(event) : Optional.empty();
    }

    /** Whether the exit is closed by an event in effect at {@code nowMillis}. */
    public Optional<WorldEventKind> blocking(String locationId, String direction, long nowMillis) {
        return eventAt(nowMillis).map(ActiveEvent::kind).filter(k -> k.blocks(locationId, direction));
    }
}
