package com.langomni.orchestrator.game.rules;

import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;

import java.util.List;
import com.langomni.orchestrator.game.rules.model.ItemDef;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/** Maps domain state to the wire records of game-api. */
public final class Views {

    private Views() {
    }

    public static PlayerView player(World world, PlayerState player) {
        List<ItemView> inventory = player.inventory().stream().map(id -> item(world, id)).toList();
        return new PlayerView(player.id(), player.name(), player.locationId(), player.hp(), player.maxHp(), inventory);
    }

    /**
     * A location as a player there sees it: exits with their targets' names and whether they are locked, items on
     * the ground, its NPCs, the creatures alive at {@code nowMillis} and the players present.
     *
     * @throws IllegalArgumentException for a location the world does not have
     */
    public static LocationView location(World world, LocationState state, List<PlayerRef> present, long nowMillis) {
        Place place = new Place(world, state, nowMillis);
        Location location = place.location();
        List<ExitView> exits = location.exits().stream()
                .map(e -> new ExitView(e.direction(), e.to(), place.targetName(e), place.isLocked(e)))
                .toList();
        List<ItemView> items = state.items().stream().map(id -> item(world, id)).toList();
        List<CreatureView> creatures = place.aliveCreatures().stream()
                .map(c -> new CreatureView(c.id(), c.name(), place.hpOf(c), c.maxHp(), c.hostile()))
                .toList();
        return new LocationView(location.id(), location.name(), location.description(), exits, items,
                npcs(world, location.id()), creatures, present == null ? List.of() : List.copyOf(present));
    }

    /** The NPCs who live at {@code locationId}; empty for a location without any. */
    public static List<NpcView> npcs(World world, String locationId) {
        Location location = world.location(locationId)
                .orElseThrow(() -> new IllegalArgumentException("unknown location '" + locationId + "'"));
        return location.npcs().stream()
                .flatMap(id -> world.npc(id).stream())
                .map(n -> new NpcView(n.id(), n.name(), n.title()))
                .toList();
    }

    /** An item id the pack no longer defines still shows, by its id, rather than vanishing from a pack. */
    private static ItemView item(World world, String id) {
        return new ItemView(id, world.item(id).map(ItemDef::name).orElse(id));
    }
}
