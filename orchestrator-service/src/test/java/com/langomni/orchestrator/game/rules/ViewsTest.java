package com.langomni.orchestrator.game.rules;

import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.WorldNow;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

class ViewsTest {

    private static final long NOW = 5_000L;

    private final World world = TestWorlds.small();
    private final RulesEngine engine = new RulesEngine(world, new ScriptedDice());

    @Test
    void playerViewNamesTheInventory() {
        PlayerState player = new PlayerState("p1", "Ada", "hall", 17, 30, List.of("sword", "potion", "sword"));
        assertEquals(new PlayerView("p1", "Ada", "hall", 17, 30, List.of(
                new ItemView("sword", "iron sword"), new ItemView("potion", "healing potion"),
                new ItemView("sword", "iron sword"))), Views.player(world, player));
    }

    @Test
    void anItemThePackNoLongerDefinesShowsByItsId() {
        PlayerState player = new PlayerState("p1", "Ada", "hall", 30, 30, List.of("old-relic"));
        assertEquals(List.of(new ItemView("old-relic", "old-relic")), Views.player(world, player).inventory());
    }

    @Test
    void locationViewShowsExitsItemsNpcsCreaturesAndPlayers() {
        List<PlayerRef> present = List.of(new PlayerRef("p1", "Ada"), new PlayerRef("p2", "Bo"));
        LocationView view = Views.location(world, engine.initialState("hall"), present, NOW);
        assertEquals(new LocationView("hall", "Great Hall", "A smoky hall.",
                List.of(new ExitView("south", "yard", "Yard", false),
                        new ExitView("east", "den", "Wolf Den", false),
                        new ExitView("door", "vault", "Vault", true)),
                List.of(new ItemView("sword", "iron sword"), new ItemView("dagger", "rusty dagger"),
                        new ItemView("potion", "healing potion"), new ItemView("statue", "stone statue"),
                        new ItemView("brass-key", "brass key")),
                List.of(new NpcView("brannoc", "Brannoc", "the smith")),
                List.of(new CreatureView("rat", "giant rat", 6, 6, true),
                        new CreatureView("deer", "red deer", 10, 10, false)),
                present, new WorldNow(1, "00:02", true, null, null, null, false)), view);
    }

    @Test
    void unlockedExitsShowOpen() {
        LocationState unlocked = new LocationState("hall", List.of(), Map.of(), Set.of("door"));
        LocationView view = Views.location(world, unlocked, List.of(), NOW);
        assertEquals(new ExitView("door", "vault", "Vault", false), view.exits().get(2));
    }

    @Test
    void onlyLivingCreaturesShowAndRespawnedOnesAreWhole() {
        LocationState state = new LocationState("hall", List.of(), Map.of(
                "rat", new CreatureState("rat", 0, NOW + 1),
                "deer", new CreatureState("deer", 4, 0)), Set.of());
        assertEquals(List.of(new CreatureView("deer", "red deer", 4, 10, false)),
                Views.location(world, state, List.of(), NOW).creatures());
        assertEquals(List.of(new CreatureView("rat", "giant rat", 6, 6, true),
                        new CreatureView("deer", "red deer", 4, 10, false)),
                Views.location(world, state, List.of(), NOW + 1).creatures());
    }

    @Test
    void aCreatureWithoutStateStandsAtFullHp() {
        LocationState state = new LocationState("den", List.of(), Map.of(), Set.of());
        assertEquals(List.of(new CreatureView("wolf", "grey wolf", 18, 18, true)),
                Views.location(world, state, null, NOW).creatures());
        assertEquals(List.of(), Views.location(world, state, null, NOW).players());
    }

    @Test
    void npcsOfALocation() {
        assertEquals(List.of(new NpcView("pip", "Pip", "the urchin")), Views.npcs(world, "yard"));
        assertEquals(List.of(), Views.npcs(world, "vault"));
    }

    @Test
    void unknownLocationIsRejected() {
        LocationState nowhere = new LocationState("nowhere", List.of(), Map.of(), Set.of());
        assertThrows(IllegalArgumentException.class, () -> Views.location(world, nowhere, List.of(), NOW));
        assertThrows(IllegalArgumentException.class, () -> Views.npcs(world, "nowhere"));
    }
}
