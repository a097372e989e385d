package com.langomni.orchestrator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.api.outcome.Facts;
import java.util.List;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.rules.Parser;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.rules.ScriptedDice;
import com.langomni.orchestrator.game.rules.TestWorlds;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/** What NPCs and the acting player remember of an action, read from what the rules decided. */
class NotableEventsTest {

    private static final long NOW = 1_000_000L;

    private final World world = TestWorlds.small();
    private final Parser parser = new Parser();

    private Outcome act(PlayerState player, String text, int... rolls) {
        RulesEngine engine = new RulesEngine(world, new ScriptedDice(rolls));
        return engine.apply(player, engine.initialState(player.locationId()), parser.parse(text), NOW);
    }

    private static PlayerState ada(String locationId, String... inventory) {
        return new PlayerState("p1", "Ada", locationId, 30, 30, List.of(inventory));
    }

    private List<Notable> notable(PlayerState player, Outcome outcome) {
        return NotableEvents.of(world, player, outcome, NOW);
    }

    /** A refused attack raises no room event: nobody else saw it, so the NPC's memory of it is private. */
    @Test
    void attackingAnNpcIsRefusedButRemembered() {
        PlayerState ada = ada("hall");
        Outcome outcome = act(ada, "attack Brannoc");

        assertEquals(false, outcome.success());
        assertEquals(List.of(new Notable("brannoc", "Ada tried to attack me.", 8),
                new Notable(null, "You tried to attack Brannoc.", 6)), notable(ada, outcome));
    }

    /** A fight, a death and a gift are shown to the room: the NPCs' memories of them are witnessed (public). */
    @Test
    void killingAHostileCreatureHelpsTheNpcsThere() {
        PlayerState ada = ada("hall", "sword");
        Outcome outcome = act(ada, "attack rat", 15, 4); // hit for 4 + 4: dead

        assertEquals(List.of(new Notable(null, "You killed the giant rat in Great Hall.", 5),
                new Notable("brannoc", "Ada killed the giant rat that threatened us here.", 6, true,
                        "Ada killed the giant rat in Great Hall.")), notable(ada, outcome));
    }

    /** Only the NPCs at the act's location when it happened remember it: Marta, in the den, knows nothing of it. */
    @Test
    void anNpcElsewhereWitnessesNothing() {
        PlayerState ada = ada("hall", "sword");
        List<Notable> notable = notable(ada, act(ada, "attack rat", 15, 4));
        assertEquals(List.of("brannoc"), notable.stream().filter(n -> !n.ownHistory()).map(Notable::npcId).toList());
        assertEquals(false, notable.stream().anyMatch(n -> "marta".equals(n.npcId()) || "pip".equals(n.npcId())));
    }

    @Test
    void killingAHarmlessCreatureHelpsNobody() {
        PlayerState ada = ada("hall", "sword");
        Outcome outcome = act(ada, "attack deer", 15, 4); // 8 of its 10 HP
        assertEquals(List.of(), notable(ada, outcome), "a blow that kills nobody is not notable");

        RulesEngine engine = new RulesEngine(world, new ScriptedDice(15, 4));
        Outcome killed = engine.apply(ada, outcome.location(), parser.parse("attack deer"), NOW);
        assertEquals(List.of(new Notable(null, "You killed the red deer in Great Hall.", 5)), notable(ada, killed));
    }

    @Test
    void aDeathIsRememberedByThePlayerAndTheNpcsWhoSawIt() {
        PlayerState dying = ada("den").withHp(2);
        Outcome outcome = act(dying, "attack wolf", 2, 15, 5); // miss; the wolf hits for 5

        assertEquals(true, ((Facts.Fought) outcome.facts()).died());
        assertEquals(List.of(new Notable(null, "You died in Wolf Den, killed by the grey wolf.", 7),
                new Notable("marta", "Ada was killed by the grey wolf here.", 5, true,
                        "Ada was killed by the grey wolf in Wolf Den.")), notable(dying, outcome));
    }

    @Test
    void aGiftIsRememberedByBothSides() {
        PlayerState ada = ada("hall", "dagger");
        Outcome outcome = act(ada, "give the dagger to Brannoc");

        assertEquals(List.of(new Notable("brannoc", "Ada gave me the rusty dagger.", 6, true,
                        "Ada gave Brannoc the rusty dagger in Great Hall."),
                new Notable(null, "You gave Brannoc the rusty dagger.", 4)), notable(ada, outcome));
    }

    @Test
    void treasureFoundIsPartOfThePlayersHistory() {
        PlayerState ada = ada("vault");
        assertEquals(List.of(new Notable(null, "You found the golden crown in Vault.", 4)),
                notable(ada, act(ada, "take crown")));
        PlayerState inHall = ada("hall");
        assertEquals(List.of(), notable(inHall, act(inHall, "take dagger")), "a dagger is not worth a memory");
    }

    @Test
    void everydayActionsAndRefusalsAreNotNotable() {
        PlayerState ada = ada("hall", "dagger");
        for (String text : List.of("look", "go east", "drop dagger", "inventory", "say hello", "ask smith about swords",
                "give the potion to Brannoc", "attack the dragon")) {
            assertEquals(List.of(), notable(ada, act(ada, text)), text);
        }
    }
}
