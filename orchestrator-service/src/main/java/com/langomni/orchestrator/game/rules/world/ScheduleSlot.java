package com.langomni.orchestrator.game.rules.world;

/**
 * Where an NPC is during a span of game hours: from {@code fromHour} (inclusive) to {@code toHour} (exclusive),
 * wrapping past midnight when {@code fromHour > toHour}; equal hours mean the whole day.
 */
public record ScheduleSlot(int fromHour, int toHour, String locationId) {

    public boolean covers(int hour) {
        if (fromHour == toHour) {
            return true;
        }
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }
}
