package com.langomni.api.game;

import java.util.List;

/** A location as a player there sees it: exits, items on the ground, NPCs, creatures and players present. */
public record LocationView(String id, String name, String description, List<ExitView> exits, List<ItemView> items,
                           List<NpcView> npcs, List<CreatureView> creatures, List<PlayerRef> players) {
}
