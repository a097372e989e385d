package com.langomni.api.game;

import java.util.List;

/**
 * A location as a player there sees it: exits, items on the ground, NPCs, creatures and players present.
 *
 * @param now the game clock, day or night and the world event there; null where the sender has none
 */
public record LocationView(String id, String name, String description, List<ExitView> exits, List<ItemView> items,
                           List<NpcView> npcs, List<CreatureView> creatures, List<PlayerRef> players, WorldNow now) {

    /** A view without the world's time and events. */
    public LocationView(String id, String name, String description, List<ExitView> exits, List<ItemView> items,
                        List<NpcView> npcs, List<CreatureView> creatures, List<PlayerRef> players) {
        this(id, name, description, exits, items, npcs, creatures, players, null);
    }
}
