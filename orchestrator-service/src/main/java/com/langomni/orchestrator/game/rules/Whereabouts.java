package com.langomni.orchestrator.game.rules;

import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.World;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which NPCs are at a location at a moment: the one answer the rest of the code asks (who witnesses an event, who
 * gossips with whom). Today every NPC stays where the pack puts it ({@link Location#npcs()}); NPC schedules make
 * this depend on {@code at} here, and nowhere else.
 */
public final class Whereabouts {

    private Whereabouts() {
    }

    /** The ids of the NPCs at {@code locationId} at {@code at} (epoch millis); empty for an unknown location. */
    public static List<String> npcsAt(World world, String locationId, long at) {
        return world.location(locationId).map(Location::npcs).orElse(List.of());
    }

    /** Every location with NPCs at {@code at}, with those NPCs (by {@link #npcsAt}), in the pack's order. */
    public static Map<String, List<String>> gatherings(World world, long at) {
        Map<String, List<String>> present = new LinkedHashMap<>();
        for (String locationId : world.locations().keySet()) {
            List<String> npcs = npcsAt(world, locationId, at);
            if (!npcs.isEmpty()) {
                present.put(locationId, List.copyOf(npcs));
            }
        }
        return present;
    }
}
