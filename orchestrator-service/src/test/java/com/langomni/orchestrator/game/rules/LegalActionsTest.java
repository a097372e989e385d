package com.langomni.orchestrator.game.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.LegalActions.LegalAction;
import com.langomni.orchestrator.game.rules.model.Location;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.game.world.WorldPackLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The actions legal here and now, over every place of the Thornwall pack. */
class LegalActionsTest {

    private static final long NOW = 1_000L;
    private final World world = WorldPackLoader.fromClasspath("world/pack.yaml");
    private final RulesEngine rules = new RulesEngine(world, (min, max) -> max);
    private final Parser parser = new Parser(Lexicon.of(world));

    private PlayerState player(String location, List<String> inventory) {
        return new PlayerState("p1", "Ada", location, 20, RulesEngine.PLAYER_MAX_HP, inventory);
    }

    @Test
    void theSquareOffersItsWaysItsPeopleAndItsThings() {
        List<String> commands = commands(player("square", List.of()), rules.initialState("square"));
        assertEquals(List.of("look", "inventory", "go north", "go east", "go west", "go south", "talk to pip",
                "examine notice board", "examine stone well"), commands);
    }

    @Test
    void carriedThingsCanBeUsedDroppedAndGivenToWhoIsHere() {
        List<String> commands = commands(player("inn", List.of("bread-loaf", "rusty-dagger")),
                rules.initialState("inn"));
        assertTrue(commands.containsAll(List.of("use loaf of rosemary bread", "drop loaf of rosemary bread",
                "give loaf of rosemary bread to marta quill", "give rusty dagger to lark ambersong",
                "drop rusty dagger", "take mug of ale", "go down")), commands.toString());
        assertFalse(commands.contains("use rusty dagger"), "a weapon is no use on its own");
    }

    @Test
    void aLockedWayIsLegalOnlyWithItsKeyAndTheDeadAreNotFought() {
        LocationState ruins = rules.initialState("ruins");
        assertFalse(commands(player("ruins", List.of()), ruins).contains("go door"));
        assertTrue(commands(player("ruins", List.of("bronze-key")), ruins).contains("go door"));
        LocationState cellar = rules.initialState("cellar");
        assertTrue(commands(player("cellar", List.of()), cellar).contains("attack giant rat"));
        Outcome killed = rules.apply(player("cellar", List.of()), cellar, new Intent(Verb.ATTACK, "rat", null, "x"), NOW);
        for (int i = 0; i < 20 && killed.location().creatures().get("giant-rat").hpAt(NOW, 1) > 0; i++) {
            killed = rules.apply(killed.player(), killed.location(), new Intent(Verb.ATTACK, "rat", null, "x"), NOW);
        }
        assertFalse(commands(killed.player(), killed.location()).contains("attack giant rat"));
    }

    /** Every legal command, typed, is understood as itself, and the rules carry it out (or at least accept it). */
    @Test
    void everyLegalCommandParsesBackToItselfAndTheRulesTakeIt() {
        for (Location location : world.locations().values()) {
            List<String> carried = List.of("bread-loaf", "bronze-key", "iron-key", "rusty-dagger");
            PlayerState player = player(location.id(), carried);
            LocationState here = rules.initialState(location.id());
            for (LegalAction action : LegalActions.of(world, player, here, NOW)) {
                Intent intent = parser.parse(action.command());
                Optional<LegalAction> identified = LegalActions.identify(world, player, here, intent, NOW);
                assertEquals(Optional.of(action.verb()), identified.map(LegalAction::verb),
                        location.id() + ": " + action.command());
                assertEquals(Optional.ofNullable(action.targetId()), identified.map(LegalAction::targetId),
                        location.id() + ": " + action.command());
                Outcome outcome = rules.apply(player, here, intent, NOW);
                assertTrue(outcome.success(), location.id() + ": '" + action.command() + "' was refused: "
                        + outcome.facts());
            }
        }
    }

    @Test
    void identifyResolvesTargetsAsTheRulesDo() {
        PlayerState player = player("inn", List.of());
        LocationState inn = rules.initialState("inn");
        assertEquals("bread-loaf", identify(player, inn, "grab some bread").orElseThrow().targetId());
        assertEquals("west", identify(player, inn, "go to the square").orElseThrow().targetId());
        assertEquals("marta", identify(player, inn, "tell the innkeeper the wolf is dead").orElseThrow().targetId());
        assertTrue(identify(player, inn, "take the crown").isEmpty(), "not here");
        assertTrue(identify(player, inn, "go north").isEmpty(), "no way north");
        assertTrue(identify(player, inn, "dance a jig").isEmpty());
        assertEquals(Verb.GO, identify(player, inn, "stairs").orElseThrow().verb(), "a bare exit name is a move");
    }

    private Optional<LegalAction> identify(PlayerState player, LocationState here, String text) {
        return LegalActions.identify(world, player, here, parser.parse(text), NOW);
    }

    private List<String> commands(PlayerState player, LocationState here) {
        return LegalActions.of(world, player, here, NOW).stream().map(LegalAction::command).toList();
    }
}
