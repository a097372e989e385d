package com.langomni.orchestrator.game.rules.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.langomni.orchestrator.game.rules.model.CreatureDef;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.World;

/**
 * Creatures coming back. A killed creature is alive again once its {@code respawnAt} has passed (the rules read it
 * so, {@link CreatureState#aliveAt}); this settles that in the stored state, so the return can be announced once to
 * the players in the room and the state no longer carries the old death.
 */
public final class Respawns {

    /** The location's state with the creatures back, and which came back (in the location's order). */
    public record Respawned(LocationState state, List<CreatureDef> creatures) {
    }

    private Respawns() {
    }

    /** Null when no creature here is due at {@code nowMillis}. */
    public static Respawned due(World world, LocationState state, long nowMillis) {
        Map<String, CreatureState> creatures = new HashMap<>(state.creatures());
        List<CreatureDef> back = new ArrayList<>();
        List<String> order = world.location(state.locationId()).map(l -> l.creatures()).orElse(List.of());
        for (String id : order) {
            CreatureState cs = creatures.get(id);
            CreatureDef def = world.creature(id).orElse(null);
            if (cs == null || def == null || cs.hp() > 0 || cs.respawnAt() <= 0 || nowMillis < cs.respawnAt()) {
                continue;
            }
            creatures.put(id, new CreatureState(id, def.maxHp(), 0));
            back.add(def);
        }
        if (back.isEmpty()) {
            return null;
        }
        return new Respawned(new LocationState(state.locationId(), state.items(), creatures, state.unlockedExits()),
                List.copyOf(back));
    }

    /** The earliest time after {@code nowMillis} a creature here comes back; 0 when none is dead. */
    public static long next(LocationState state, long nowMillis) {
        return state.creatures().values().stream()
                .filter(cs -> cs.hp() == 0 && cs.respawnAt() > 0)
                .mapToLong(CreatureState::respawnAt)
                .min().orElse(0L);
    }
}
