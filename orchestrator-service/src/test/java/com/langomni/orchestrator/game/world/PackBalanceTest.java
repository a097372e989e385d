package com.langomni.orchestrator.game.world;

import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.model.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack's numbers make sense for a new player (30 HP): a rat is beatable barehanded, a wolf calls for a
 * weapon. Thousands of fights with seeded dice through the real rules engine.
 */
class PackBalanceTest {

    private static final int FIGHTS = 300;
    private static World pack;

    @BeforeAll
    static void loadThePack() {
        pack = WorldPackLoader.fromClasspath("world/pack.yaml");
    }

    /** Share of fights a fresh player wins, attacking until one side falls. */
    private static double winRate(String locationId, String creature, List<String> inventory) {
        Random random = new Random(7);
        RulesEngine engine = new RulesEngine(pack, (min, max) -> min + random.nextInt(max - min + 1));
        Intent attack = new Intent(Verb.ATTACK, creature, null, "attack " + creature);
        int wins = 0;
        for (int fight = 0; fight < FIGHTS; fight++) {
            PlayerState player = engine.newPlayer("p", "Tester").withLocation(locationId).withInventory(inventory);
            LocationState here = engine.initialState(locationId);
            for (int round = 0; round < 200; round++) {
                Outcome outcome = engine.apply(player, here, attack, 0L);
                Facts.Fought fought = (Facts.Fought) outcome.facts(); // the creature stands until killed
                if (fought.killed()) {
                    wins++;
                    break;
                }
                if (fought.died()) {
                    break;
                }
                player = outcome.player();
                here = outcome.location();
            }
        }
        return (double) wins / FIGHTS;
    }

    @Test
    void aNewPlayerBeatsARatBarehanded() {
        double rate = winRate("cellar", "rat", List.of());
        assertTrue(rate > 0.99, "barehanded vs rat: " + rate);
    }

    @Test
    void aWolfCallsForAWeapon() {
        double barehanded = winRate("eldwood-edge", "wolf", List.of());
        double withHammer = winRate("eldwood-edge", "wolf", List.of("forge-hammer"));
        assertTrue(barehanded < 0.85, "barehanded vs wolf: " + barehanded);
        assertTrue(withHammer > 0.95, "hammer vs wolf: " + withHammer);
    }

    @Test
    void theBroodmotherIsABoss() {
        double withSpear = winRate("spider-nest", "broodmother", List.of("guard-spear"));
        double withBlade = winRate("spider-nest", "broodmother", List.of("kings-blade"));
        assertTrue(withSpear < 0.9, "spear vs broodmother: " + withSpear);
        assertTrue(withBlade > withSpear, "the king's blade helps: " + withBlade + " vs " + withSpear);
    }
}
