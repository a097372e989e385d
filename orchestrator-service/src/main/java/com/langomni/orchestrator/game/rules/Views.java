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
import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import com.langomni.orchestrator.game.rules.world.GameTime;
import com.langomni.orchestrator.game.rules.world.WorldStatus;

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
        return location(world, state, present, nowMillis, GameClock.DEFAULT, WorldStatus.RUNNING);
    }

    /** As {@link #location(World, LocationState, List, long)} on {@code clock}, with the world's status. */
    public static LocationView location(World world, LocationState state, List<PlayerRef> present, long nowMillis,
                                        GameClock clock, WorldStatus status) {
        GameTime time = clock.at(nowMillis);
        Place place = new Place(world, state, nowMillis, time, status);
        Location location = place.location();
        List<ExitView> exits = location.exits().stream()
                .map(e -> new ExitView(e.direction(), e.to(), place.targetName(e), place.isLocked(e)))
                .toList();
        List<ItemView> items = state.items().stream().map(id -> item(world, id)).toList();
        List<CreatureView> creatures = place.aliveCreatures().stream()
                .map(c -> new CreatureView(c.id(), c.name(), place.hpOf(c), c.maxHp(), c.hostile()))
                .toList();
        return new LocationView(location.id(), location.name(), place.description(), exits, items,
                npcs(world, location.id(), time), creatures, present == null ? List.of() : List.copyOf(present),
                place.worldNow());
    }

    /** The NPCs at {@code locationId} at {@code time}, by their schedules. */
    public static List<NpcView> npcs(World world, String locationId, GameTime time) {
        if (world.location(locationId).isEmpty()) {
            throw new IllegalArgumentException("unknown location '" + locationId + "'");
        }
        return Whereabouts.npcsAt(world, locationId, time).stream()
                .map(n -> new NpcView(n.id(), n.name(), n.title()))
                .toList();
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
