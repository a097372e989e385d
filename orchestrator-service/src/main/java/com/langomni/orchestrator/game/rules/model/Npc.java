package com.langomni.orchestrator.game.rules.model;

import java.util.List;
import com.langomni.orchestrator.game.rules.world.GameTime;
import com.langomni.orchestrator.game.rules.world.ScheduleSlot;

/**
 * A non-player character. NPCs talk; they are not fought.
 *
 * @param persona   who they are and how they speak (the NPC LLM's system prompt)
 * @param knowledge authored lines they can say (the retrieval dialog's answers)
 * @param locationId their home: where they are when no slot of their {@code schedule} covers the hour
 * @param schedule  where they go at which game hours; the first slot covering an hour wins; empty: always home
 */
public record Npc(String id, String name, String title, String locationId, List<String> aliases, String persona,
                  List<String> knowledge, String greeting, List<ScheduleSlot> schedule) {

    public Npc {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    /** An NPC who stays home. */
    public Npc(String id, String name, String title, String locationId, List<String> aliases, String persona,
               List<String> knowledge, String greeting) {
        this(id, name, title, locationId, aliases, persona, knowledge, greeting, List.of());
    }

    /** Where they are at {@code time}: see {@link Whereabouts}. */
    public String locationAt(GameTime time) {
        for (ScheduleSlot slot : schedule) {
            if (slot.covers(time.hour())) {
                return slot.locationId();
            }
        }
        return locationId;
    }
}
