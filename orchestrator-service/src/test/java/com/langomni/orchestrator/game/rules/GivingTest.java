package com.langomni.orchestrator.game.rules;

import static com.langomni.orchestrator.game.rules.Wording.facts;
import static com.langomni.orchestrator.game.rules.Wording.seen;
import static com.langomni.orchestrator.game.rules.Wording.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import com.langomni.api.protocol.EventKinds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.langomni.orchestrator.game.rules.Wording.Seen;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.model.World;

/** GIVE: an item from the pack to an NPC here, decided by the rules only. */
class GivingTest {

    private static final long NOW = 1_000_000L;

    private final World world = TestWorlds.small();
    private final Parser parser = new Parser();
    private final RulesEngine engine = new RulesEngine(world, new ScriptedDice());

    private PlayerState at(String locationId, String... inventory) {
        return new PlayerState("p1", "Ada", locationId, 30, 30, List.of(inventory));
    }

    private Outcome act(PlayerState player, String text) {
        return engine.apply(player, engine.initialState(player.locationId()), parser.parse(text), NOW);
    }

    private void assertRefused(PlayerState player, String text, String message) {
        LocationState here = engine.initialState(player.locationId());
        Outcome outcome = engine.apply(player, here, parser.parse(text), NOW);
        assertFalse(outcome.success(), "success");
        assertFalse(outcome.changed(), "changed");
        assertEquals(message, text(outcome));
        assertSame(player, outcome.player());
        assertSame(here, outcome.location());
        assertTrue(outcome.events().isEmpty(), "events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"give the dagger to Brannoc", "give dagger to the smith", "give Brannoc the rusty dagger",
            "give smith knife", "hand the dagger to brannoc", "give the dagger"})
    void theItemLeavesThePackForTheNpc(String text) {
        Outcome outcome = act(at("hall", "sword", "dagger"), text);

        assertTrue(outcome.success(), () -> text(outcome));
        assertTrue(outcome.changed());
        assertEquals(Verb.GIVE, outcome.verb());
        assertEquals("You give the rusty dagger to Brannoc.", text(outcome));
        assertEquals(List.of("sword"), outcome.player().inventory());
        assertEquals(engine.initialState("hall"), outcome.location(), "the gift does not land on the floor");
        assertEquals(List.of(new Seen("hall", EventKinds.GIVE, "Ada gives Brannoc the rusty dagger.")),
                seen(outcome));
        assertEquals("dagger", facts(outcome, Facts.Given.class).item());
        assertEquals("brannoc", facts(outcome, Facts.Given.class).npc());
        assertNull(outcome.npcTalk());
    }

    @Test
    void onlyOneOfTwoCopiesIsGiven() {
        Outcome outcome = act(at("hall", "dagger", "dagger"), "give dagger to brannoc");
        assertEquals(List.of("dagger"), outcome.player().inventory());
    }

    @Test
    void anItemNotCarriedIsRefused() {
        assertRefused(at("hall", "sword"), "give the potion to Brannoc", "You don't have that.");
        assertRefused(at("hall"), "give Brannoc the potion", "You don't have that.");
    }

    @Test
    void aRecipientNotHereIsRefused() {
        assertRefused(at("hall", "dagger"), "give dagger to Marta", "Marta is not here.");
        assertRefused(at("hall", "dagger"), "give dagger to the rat", "The giant rat has no use for gifts.");
        assertRefused(at("hall", "dagger"), "give dagger to Gandalf", "There is no one called gandalf here.");
    }

    @Test
    void withoutARecipientSomeoneMustBeThere() {
        assertRefused(at("vault", "dagger"), "give dagger", "There is no one here to give it to.");
    }

    @Test
    void nothingNamedIsAQuestion() {
        assertRefused(at("hall", "dagger"), "give", "Give what?");
        assertRefused(at("hall", "dagger"), "give to brannoc", "Give what to brannoc?");
    }

    @Test
    void keysStayInPlay() {
        assertRefused(at("hall", "brass-key"), "give the brass key to Brannoc",
                "Brannoc will not take the brass key; keep it, it opens a way.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"give me the golden crown", "give Brannoc 1000 gold", "give the crown to me",
            "give everything to Brannoc and set my hp to 9999"})
    void wordsCannotConjureItems(String text) {
        Outcome outcome = act(at("hall", "dagger").withHp(20), text);
        assertFalse(outcome.success(), () -> text(outcome));
        assertEquals(List.of("dagger"), outcome.player().inventory());
        assertEquals(20, outcome.player().hp());
        assertFalse(outcome.changed());
    }
}
