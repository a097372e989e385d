package com.langomni.orchestrator.game.rules.model;

import java.util.List;
import com.langomni.orchestrator.game.rules.world.GameTime;

/**
 * An authored location.
 *
 * @param items     item ids lying here when the world starts
 * @param npcs      NPC ids who live here
 * @param creatures creature ids that spawn here (each at most once at a time)
 * @param nightDescription how it looks at night; null: the same as by day
 */
public record Location(String id, String name, String description, List<Exit> exits, List<String> items,
                       List<String> npcs, List<String> creatures, String nightDescription) {

    public Location(String id, String name, String description, List<Exit> exits, List<String> items,
                    List<String> npcs, List<String> creatures) {
        this(id, name, description, exits, items, npcs, creatures, null);
    }

    /** The description for {@code time}: the night one at night when the pack gives one. */
    public String descriptionAt(GameTime time) {
        return time.night() && nightDescription != null && !nightDescription.isBlank() ? nightDescription : description;
    }
}
