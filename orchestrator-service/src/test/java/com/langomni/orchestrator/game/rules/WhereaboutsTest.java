package com.langomni.orchestrator.game.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.orchestrator.game.rules.model.Whereabouts;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.rules.world.GameClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who is where when: the one answer witnesses and gossip rounds ask. */
class WhereaboutsTest {

    private final World world = TestWorlds.small();

    @Test
    void npcsAreWhereThePackPutsThem() {
        assertEquals(List.of("brannoc"), Whereabouts.npcIdsAt(world, GameClock.DEFAULT, "hall", 0));
        assertEquals(List.of("marta"), Whereabouts.npcIdsAt(world, GameClock.DEFAULT, "den", 1_000));
        assertEquals(List.of(), Whereabouts.npcIdsAt(world, GameClock.DEFAULT, "vault", 0));
        assertEquals(List.of(), Whereabouts.npcIdsAt(world, GameClock.DEFAULT, "nowhere", 0), "an unknown place holds nobody");
    }

    @Test
    void gatheringsListEveryPlaceWithNpcsThroughNpcsAt() {
        Map<String, List<String>> at = Whereabouts.gatherings(world, GameClock.DEFAULT, 0);
        assertEquals(Map.of("yard", List.of("pip"), "hall", List.of("brannoc"), "den", List.of("marta")), at);
        at.forEach((place, npcs) -> assertEquals(Whereabouts.npcIdsAt(world, GameClock.DEFAULT, place, 0), npcs));
    }
}
