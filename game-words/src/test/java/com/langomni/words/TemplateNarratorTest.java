package com.langomni.words;

import static com.langomni.words.Requests.ADA;
import static com.langomni.words.Requests.FORGE;
import static com.langomni.words.Requests.INJECTION;
import static com.langomni.words.Requests.ok;
import static com.langomni.words.Requests.refused;
import static com.langomni.words.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.api.outcome.Way;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateNarratorTest {
    private final TemplateNarrator narrator = new TemplateNarrator(200);

    /** A blow at the grey wolf: {@code damage} dealt (0 a miss), {@code taken} back (null: no answer, 0: a miss). */
    private static Facts.Fought blow(int damage, Integer taken) {
        return new Facts.Fought("wolf", "grey wolf", null, null, damage > 0, damage, 10 - damage, 10, false, null,
                null, taken == null ? null : taken > 0, taken, 17 - (taken == null ? 0 : taken), 20, false, null,
                null);
    }

    private String narrate(NarrationRequest r) {
        return narrator.narrate(r);
    }

    private static void assertMentions(String text, String... facts) {
        for (String fact : facts) {
            assertTrue(text.contains(fact), () -> "expected '" + fact + "' in: " + text);
        }
    }

    @Test
    void moveDescribesTheArrivalGroundedInTheLocation() {
        String text = narrate(ok(Verb.GO, "You go north.", new Facts.Moved(new Way("north", false), "square",
                "Market Square", "forge", "the Forge", "north", null, null)));
        assertMentions(text, "the Forge", "Heat rolls off a great stone hearth", "north to Market Square",
                "down to the Old Vault (locked)", "a rusty sword", "an oil lamp", "Brann the smith",
                "grey wolf (hostile, 8/10 HP)", "Bob");
        assertFalse(text.contains("Ada"), "the player is not listed as someone else present: " + text);
    }

    @Test
    void moveAcceptsTheMoveAliasAndWorksWithoutDirectionFacts() {
        String text = narrate(ok(Verb.of("move"), "You go north.", null));
        assertMentions(text, "You arrive at the Forge.", "Heat rolls off");
    }

    @Test
    void lookDescribesTheSameWorldAndWhatJustHappened() {
        NarrationRequest r = new NarrationRequest("look-7", Verb.LOOK, true, "You look around.", null, ADA, FORGE,
                List.of("Bob arrives from the north."), "look", List.of());
        String text = narrate(r);
        assertMentions(text, "Heat rolls off", "north to Market Square", "a rusty sword", "Brann the smith",
                "grey wolf", "Bob");
    }

    @Test
    void anEmptyPlaceSaysSoInsteadOfListingNothing() {
        LocationView cell = new LocationView("cell", "a bare cell", "Four damp walls.", List.of(), List.of(),
                List.of(), List.of(), List.of());
        String text = narrate(new NarrationRequest("x", Verb.LOOK, true, "You look around.", null, ADA, cell,
                List.of(), "look", List.of()));
        assertMentions(text, "Four damp walls.");
        assertTrue(text.contains("no obvious way out") || text.contains("no way onward"), text);
        assertFalse(text.contains("notice") || text.contains("Within reach") || text.contains("Also here"), text);
    }

    @Test
    void takeNamesTheItemAndTheInventory() {
        String text = narrate(ok(Verb.TAKE, "You take the rusty sword.", new Facts.Taken("sword", "rusty sword")));
        assertMentions(text, "rusty sword");
        assertFalse(text.contains(INJECTION));
    }

    @Test
    void dropNamesTheItem() {
        assertMentions(narrate(ok(Verb.DROP, "You drop the torch.", new Facts.Dropped("torch", "torch"))), "torch");
    }

    @Test
    void useWithHealingReportsTheHealAndHpFromTheFacts() {
        String text = narrate(ok(Verb.USE, "You drink the potion.",
                new Facts.Healed("potion", "healing potion", 6, 17, 20)));
        assertMentions(text, "healing potion", "6 HP", "17/20");
    }

    @Test
    void useWithoutKnownEffectTellsTheRulesOutcome() {
        String text = narrate(ok(Verb.USE, "The old key turns and the vault door unlocks.",
                new Facts.Unlocked("key", "old key", List.of(new Way("door", true)))));
        assertMentions(text, "The old key turns and the vault door unlocks.");
    }

    @Test
    void attackReportsDamageCreatureHpAndTheCounterAttackFromFacts() {
        String text = narrate(ok(Verb.ATTACK, "You hit the grey wolf for 4.", new Facts.Fought("wolf", "grey wolf",
                null, null, true, 4, 4, 10, false, null, null, true, 3, 14, 20, false, null, null)));
        assertMentions(text, "grey wolf", "4 damage", "3 damage", "14/20");
        assertTrue(text.contains("4/10 HP") || text.contains("4 HP"), text);
    }

    @Test
    void aMissIsNotNarratedAsAHit() {
        for (int i = 0; i < 20; i++) {
            String text = narrate(request("m" + i, Verb.ATTACK, true, "You miss the grey wolf.", blow(0, 0)));
            assertFalse(text.contains("0 damage"), text);
            assertTrue(text.contains("miss") || text.contains("dodge") || text.contains("wide"), text);
        }
    }

    @Test
    void aKillSaysTheCreatureDiedAndWhatItLeft() {
        String text = narrate(ok(Verb.ATTACK, "You slay the grey wolf.", new Facts.Fought("wolf", "grey wolf", null,
                null, true, 5, 0, 10, true, 60_000L, List.of("a wolf pelt"), null, null, 17, 20, false, null, null)));
        assertMentions(text, "5 damage", "a wolf pelt");
        assertTrue(text.contains("falls") || text.contains("dead") || text.contains("crumples"), text);
    }

    @Test
    void deathTellsTheKillingBlowAndWhereThePlayerWakes() {
        PlayerView respawned = new PlayerView("p1", "Ada", "temple", 20, 20, List.of());
        LocationView temple = new LocationView("temple", "the Temple of Dawn", "Quiet light.", List.of(),
                List.of(), List.of(), List.of(), List.of());
        Facts.Fought killed = new Facts.Fought("wolf", "grey wolf", null, null, true, 2, 8, 10, false, null, null,
                true, 9, 20, 20, true, "temple", "the Temple of Dawn");
        String text = narrate(new NarrationRequest("d1", Verb.ATTACK, true, "The wolf kills you.", killed, respawned,
                temple, List.of(), "attack wolf", List.of()));
        assertMentions(text, "grey wolf", "9 damage", "the Temple of Dawn", "20/20");
        String named = narrate(new NarrationRequest("d1", Verb.ATTACK, true, "The wolf kills you.", killed, respawned,
                FORGE, List.of(), "attack wolf", List.of()));
        assertMentions(named, "the Temple of Dawn");
        // there is no "death" verb any more (it reads as unknown): a died fact is told the same whatever the verb
        assertEquals(text, narrate(new NarrationRequest("d1", Verb.of("death"), true, "The wolf kills you.", killed,
                respawned, temple, List.of(), "attack wolf", List.of())),
                "a death intent and a died fact are told the same way");
    }

    @Test
    void sayQuotesThePlayersWordsAndNothingElse() {
        String text = narrate(ok(Verb.SAY, "You say: hello.", new Facts.Said("well met, friends")));
        assertMentions(text, "\"well met, friends\"");
        assertFalse(text.replace("\"well met, friends\"", "").contains("well met"), text);
    }

    @Test
    void sayWithoutASaidFactQuotesThePlayersTextWithoutTheVerb() {
        NarrationRequest r = new NarrationRequest("s", Verb.SAY, true, "You speak.", null, ADA, FORGE, List.of(),
                "say Has anyone seen my \"lost\" dog?", List.of());
        String text = narrate(r);
        assertMentions(text, "\"Has anyone seen my 'lost' dog?\"");
    }

    @Test
    void longSpeechIsCutAtTheQuoteLimit() {
        String text = new TemplateNarrator(20).narrate(ok(Verb.SAY, "You speak.", new Facts.Said("a".repeat(500))));
        assertFalse(text.contains("a".repeat(21)), text);
        assertMentions(text, "…\"");
    }

    @Test
    void talkNamesTheNpc() {
        assertMentions(narrate(ok(Verb.TALK, "You talk to Brann.",
                new Facts.Talked("brann", "Brann", "smith", null, null))), "Brann");
    }

    @Test
    void recentEventsNeverTellThePlayerWhatTheyDidThemselves() {
        for (int i = 0; i < 20; i++) {
            String text = narrate(new NarrationRequest("look-" + i, Verb.LOOK, true, "You look around.", null, ADA,
                    FORGE, List.of("Bram arrives from the south.", ADA.name() + " appears."), "look", List.of()));
            assertFalse(text.contains(ADA.name() + " appears"), text);
        }
    }

    @Test
    void helpKeepsTheCommandListVerbatim() {
        String help = "Commands:\n  look\n  go <direction>\n  take <item>, drop <item>\n  inventory\n  say <words>";
        assertEquals(help, narrate(ok(Verb.HELP, help, new Facts.HelpShown())));
    }

    @Test
    void inventoryListsWhatThePlayerCarriesAndTheirHealth() {
        String text = narrate(ok(Verb.INVENTORY, "You carry a torch and a loaf of bread.",
                new Facts.InventoryShown(List.of("torch", "loaf of bread"), 17, 20)));
        assertMentions(text, "a torch", "a loaf of bread", "17/20");
    }

    @Test
    void anEmptyInventorySaysSo() {
        PlayerView empty = new PlayerView("p1", "Ada", "forge", 20, 20, List.of());
        String text = narrate(new NarrationRequest("i", Verb.INVENTORY, true, "You carry nothing.",
                new Facts.InventoryShown(List.of(), 20, 20), empty,
                FORGE, List.of(), "i", List.of()));
        assertTrue(text.contains("nothing") || text.contains("empty"), text);
        assertMentions(text, "20/20");
    }

    @Test
    void examineTellsTheThingsOwnDescriptionNotTheRooms() {
        String text = narrate(ok(Verb.EXAMINE, "Pitted with rust, but the edge still bites. (weapon, +3 damage)",
                new Facts.ItemExamined("rusty_sword", "rusty sword", "weapon",
                        "Pitted with rust, but the edge still bites.", 3, null)));
        assertMentions(text, "the rusty sword", "Pitted with rust, but the edge still bites. (weapon, +3 damage)");
        assertFalse(text.contains("Heat rolls off") || text.contains("rusty_sword"), text);
        String npc = narrate(ok(Verb.EXAMINE, "Brann, smith. A gruff smith.",
                new Facts.NpcExamined("brann", "Brann", "smith", "A gruff smith.")));
        assertMentions(npc, "Brann, smith. A gruff smith.");
        assertFalse(npc.contains("the Brann"), npc);
    }

    @Test
    void readableNamesFromTheRulesEngineWinOverIds() {
        String text = narrate(ok(Verb.ATTACK, "You hit the grey wolf with the rusty sword for 4 damage.",
                new Facts.Fought("grey_wolf", "grey wolf", "rusty_sword", "rusty sword", true, 4, 6, 10, false, null,
                        null, true, 3, 14, 20, false, null, null)));
        assertMentions(text, "grey wolf", "4 damage", "3 damage", "14/20");
        assertFalse(text.contains("_"), "ids never reach the player: " + text);
    }

    @Test
    void aCreatureThatMissesIsNotNarratedAsAHit() {
        String text = narrate(ok(Verb.ATTACK, "You hit the wolf. The wolf lunges at you and misses.", blow(2, 0)));
        assertFalse(text.contains("0 damage"), text);
        assertTrue(text.contains("misses") || text.contains("dodge"), text);
    }

    @Test
    void unlockingOnTheWayIsTold() {
        String text = narrate(ok(Verb.GO, "You unlock the way down with the iron key. You go down to the Old Vault.",
                new Facts.Moved(new Way("down", false), "forge", "the Forge", "vault", "the Old Vault", "up",
                        "iron_key", "iron key")));
        assertTrue(text.contains("unlock") || text.contains("lock gives way"), text);
    }

    @Test
    void unknownTextTellsTheOutcomeAndNeverEchoesThePlayer() {
        String text = narrate(ok(Verb.UNKNOWN, "You are not sure how to do that.", new Facts.Nothing()));
        assertMentions(text, "You are not sure how to do that.");
        assertFalse(text.contains("ignore"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"go", "look", "take", "drop", "use", "attack", "say", "talk", "help", "inventory",
            "examine", "unknown"})
    void aRefusalStaysARefusalWithTheRulesReason(String intent) {
        String reason = "There is no exit west.";
        String text = narrate(refused(Verb.of(intent), reason, Facts.Refused.because(Refusal.NO_EXIT).what("west")));
        assertMentions(text, reason);
        for (String success : List.of("You arrive", "You pick up", "You drop", "damage", "You say", "You turn to",
                "falls", "recover")) {
            assertFalse(text.contains(success), () -> intent + " refusal reads like a success: " + text);
        }
    }

    @Test
    void aRefusedMoveKeepsThePlayerWhereTheyAre() {
        for (int i = 0; i < 10; i++) {
            String text = narrate(request("r" + i, Verb.GO, false, "There is no exit west.",
                    Facts.Refused.because(Refusal.NO_EXIT).what("west")));
            assertFalse(text.contains("Heat rolls off"), "a refused move does not describe an arrival: " + text);
            assertTrue(text.startsWith("There is no exit west."), text);
        }
    }

    @Test
    void theSameRequestAlwaysReadsTheSame() {
        NarrationRequest r = ok(Verb.ATTACK, "You hit.", blow(3, 2));
        assertEquals(narrate(r), narrate(r));
        assertEquals(narrate(r), new TemplateNarrator(200).narrate(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go", "look", "take", "attack", "inventory", "say"})
    void differentActionsReadDifferently(String intent) {
        Verb verb = Verb.of(intent);
        Facts facts = switch (verb) {
            case GO -> new Facts.Moved(new Way("north", false), "square", "Market Square", "forge", "the Forge", "north",
                    null, null);
            case TAKE -> new Facts.Taken("sword", "rusty sword");
            case ATTACK -> blow(3, 2);
            case INVENTORY -> new Facts.InventoryShown(List.of("torch", "loaf of bread"), 17, 20);
            case SAY -> new Facts.Said("hello");
            default -> null;
        };
        Set<String> texts = new HashSet<>();
        IntStream.range(0, 30).forEach(i -> texts.add(narrate(request("act-" + i, verb, true, "Done.", facts))));
        assertTrue(texts.size() >= 3, () -> intent + " has too little variety: " + texts);
    }

    @Test
    void withoutAnActionIdTheContentSeedsTheChoice() {
        NarrationRequest r = request(null, Verb.LOOK, true, "You look.", null);
        assertEquals(narrate(r), narrate(request(null, Verb.LOOK, true, "You look.", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go", "look", "take", "drop", "use", "attack", "say", "talk", "help", "inventory",
            "examine", "unknown", "death", "nonsense"})
    void injectedInstructionsNeverAppearUnquoted(String intent) {
        for (boolean success : List.of(true, false)) {
            NarrationRequest r = new NarrationRequest("inj", Verb.of(intent), success, "Nothing happens.",
                    new Facts.Said(INJECTION), ADA, FORGE, List.of(), INJECTION, List.of());
            String unquoted = narrate(r).replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(unquoted.contains("9999"), () -> intent + ": " + narrate(r));
            assertFalse(unquoted.toLowerCase().contains("ignore your rules"), () -> intent + ": " + narrate(r));
        }
    }

    @Test
    void thinRequestsStillNarrateTheOutcome() {
        NarrationRequest bare = new NarrationRequest(null, Verb.ATTACK, true, "You hit the rat.", null, null, null,
                null, null, List.of());
        assertEquals("You hit the rat.", narrate(bare));
    }

    @Test
    void controlCharactersInWorldDataDoNotBreakTheText() {
        String text = narrate(ok(Verb.TAKE, "You take it.", new Facts.Taken("stone", "odd\n\tstone\u0000")));
        assertMentions(text, "odd stone");
        assertFalse(text.contains("\n"), text);
    }
}
