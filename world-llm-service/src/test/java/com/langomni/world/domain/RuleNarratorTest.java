package com.langomni.world.domain;

import static com.langomni.world.domain.Requests.ADA;
import static com.langomni.world.domain.Requests.FORGE;
import static com.langomni.world.domain.Requests.INJECTION;
import static com.langomni.world.domain.Requests.ok;
import static com.langomni.world.domain.Requests.refused;
import static com.langomni.world.domain.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleNarratorTest {
    private final RuleNarrator narrator = new RuleNarrator(200);

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
        String text = narrate(ok("go", "You go north.", Map.of("direction", "north", "from", "Market Square")));
        assertMentions(text, "the Forge", "Heat rolls off a great stone hearth", "north to Market Square",
                "down to the Old Vault (locked)", "a rusty sword", "an oil lamp", "Brann the smith",
                "grey wolf (hostile, 8/10 HP)", "Bob");
        assertFalse(text.contains("Ada"), "the player is not listed as someone else present: " + text);
    }

    @Test
    void moveAcceptsTheMoveAliasAndWorksWithoutDirectionFacts() {
        String text = narrate(ok("move", "You go north.", Map.of()));
        assertMentions(text, "You arrive at the Forge.", "Heat rolls off");
    }

    @Test
    void lookDescribesTheSameWorldAndWhatJustHappened() {
        NarrationRequest r = new NarrationRequest("look-7", "look", true, "You look around.", Map.of(), ADA, FORGE,
                List.of("Bob arrives from the north."), "look", List.of());
        String text = narrate(r);
        assertMentions(text, "Heat rolls off", "north to Market Square", "a rusty sword", "Brann the smith",
                "grey wolf", "Bob");
    }

    @Test
    void anEmptyPlaceSaysSoInsteadOfListingNothing() {
        LocationView cell = new LocationView("cell", "a bare cell", "Four damp walls.", List.of(), List.of(),
                List.of(), List.of(), List.of());
        String text = narrate(new NarrationRequest("x", "look", true, "You look around.", Map.of(), ADA, cell,
                List.of(), "look", List.of()));
        assertMentions(text, "Four damp walls.");
        assertTrue(text.contains("no obvious way out") || text.contains("no way onward"), text);
        assertFalse(text.contains("notice") || text.contains("Within reach") || text.contains("Also here"), text);
    }

    @Test
    void takeNamesTheItemAndTheInventory() {
        String text = narrate(ok("take", "You take the rusty sword.", Map.of("item", "rusty sword")));
        assertMentions(text, "rusty sword");
        assertFalse(text.contains(INJECTION));
    }

    @Test
    void dropNamesTheItem() {
        assertMentions(narrate(ok("drop", "You drop the torch.", Map.of("item", "torch"))), "torch");
    }

    @Test
    void useWithHealingReportsTheHealAndHpFromTheFacts() {
        String text = narrate(ok("use", "You drink the potion.", Map.of("item", "healing potion", "heal", "6",
                "hp", "17", "maxHp", "20")));
        assertMentions(text, "healing potion", "6 HP", "17/20");
    }

    @Test
    void useWithoutKnownEffectTellsTheRulesOutcome() {
        String text = narrate(ok("use", "The old key turns and the vault door unlocks.", Map.of("item", "old key")));
        assertMentions(text, "The old key turns and the vault door unlocks.");
    }

    @Test
    void attackReportsDamageCreatureHpAndTheCounterAttackFromFacts() {
        String text = narrate(ok("attack", "You hit the grey wolf for 4.", Map.of("creature", "grey wolf",
                "damage", "4", "creatureHp", "4", "creatureMaxHp", "10", "taken", "3", "hp", "14", "maxHp", "20")));
        assertMentions(text, "grey wolf", "4 damage", "3 damage", "14/20");
        assertTrue(text.contains("4/10 HP") || text.contains("4 HP"), text);
    }

    @Test
    void aMissIsNotNarratedAsAHit() {
        for (int i = 0; i < 20; i++) {
            String text = narrate(request("m" + i, "attack", true, "You miss the grey wolf.",
                    Map.of("creature", "grey wolf", "damage", "0", "taken", "0")));
            assertFalse(text.contains("0 damage"), text);
            assertTrue(text.contains("miss") || text.contains("dodge") || text.contains("wide"), text);
        }
    }

    @Test
    void aKillSaysTheCreatureDiedAndWhatItLeft() {
        String text = narrate(ok("attack", "You slay the grey wolf.", Map.of("creature", "grey wolf", "damage", "5",
                "killed", "true", "loot", "a wolf pelt")));
        assertMentions(text, "5 damage", "a wolf pelt");
        assertTrue(text.contains("falls") || text.contains("dead") || text.contains("crumples"), text);
    }

    @Test
    void deathTellsTheKillingBlowAndWhereThePlayerWakes() {
        PlayerView respawned = new PlayerView("p1", "Ada", "temple", 20, 20, List.of());
        LocationView temple = new LocationView("temple", "the Temple of Dawn", "Quiet light.", List.of(),
                List.of(), List.of(), List.of(), List.of());
        String text = narrate(new NarrationRequest("d1", "attack", true, "The wolf kills you.",
                Map.of("creature", "grey wolf", "damage", "2", "taken", "9", "died", "true"), respawned, temple,
                List.of(), "attack wolf", List.of()));
        assertMentions(text, "grey wolf", "9 damage", "the Temple of Dawn", "20/20");
        String named = narrate(new NarrationRequest("d1", "attack", true, "The wolf kills you.",
                Map.of("creatureName", "grey wolf", "creatureDamage", "9", "died", "true",
                        "respawnLocationName", "the Temple of Dawn"), respawned, FORGE, List.of(), "attack wolf", List.of()));
        assertMentions(named, "the Temple of Dawn");
        assertEquals(text, narrate(new NarrationRequest("d1", "death", true, "The wolf kills you.",
                Map.of("creature", "grey wolf", "damage", "2", "taken", "9"), respawned, temple, List.of(),
                "attack wolf", List.of())), "a death intent and a died fact are told the same way");
    }

    @Test
    void sayQuotesThePlayersWordsAndNothingElse() {
        String text = narrate(ok("say", "You say: hello.", Map.of("said", "well met, friends")));
        assertMentions(text, "\"well met, friends\"");
        assertFalse(text.replace("\"well met, friends\"", "").contains("well met"), text);
    }

    @Test
    void sayWithoutASaidFactQuotesThePlayersTextWithoutTheVerb() {
        NarrationRequest r = new NarrationRequest("s", "say", true, "You speak.", Map.of(), ADA, FORGE, List.of(),
                "say Has anyone seen my \"lost\" dog?", List.of());
        String text = narrate(r);
        assertMentions(text, "\"Has anyone seen my 'lost' dog?\"");
    }

    @Test
    void longSpeechIsCutAtTheQuoteLimit() {
        String text = new RuleNarrator(20).narrate(ok("say", "You speak.", Map.of("said", "a".repeat(500))));
        assertFalse(text.contains("a".repeat(21)), text);
        assertMentions(text, "…\"");
    }

    @Test
    void talkNamesTheNpc() {
        assertMentions(narrate(ok("talk", "You talk to Brann.", Map.of("npc", "Brann"))), "Brann");
    }

    @Test
    void recentEventsNeverTellThePlayerWhatTheyDidThemselves() {
        for (int i = 0; i < 20; i++) {
            String text = narrate(new NarrationRequest("look-" + i, "look", true, "You look around.", Map.of(), ADA,
                    FORGE, List.of("Bram arrives from the south.", ADA.name() + " appears."), "look", List.of()));
            assertFalse(text.contains(ADA.name() + " appears"), text);
        }
    }

    @Test
    void helpKeepsTheCommandListVerbatim() {
        String help = "Commands:\n  look\n  go <direction>\n  take <item>, drop <item>\n  inventory\n  say <words>";
        assertEquals(help, narrate(ok("help", help, Map.of())));
    }

    @Test
    void inventoryListsWhatThePlayerCarriesAndTheirHealth() {
        String text = narrate(ok("inventory", "You carry a torch and a loaf of bread.", Map.of()));
        assertMentions(text, "a torch", "a loaf of bread", "17/20");
    }

    @Test
    void anEmptyInventorySaysSo() {
        PlayerView empty = new PlayerView("p1", "Ada", "forge", 20, 20, List.of());
        String text = narrate(new NarrationRequest("i", "inventory", true, "You carry nothing.", Map.of(), empty,
                FORGE, List.of(), "i", List.of()));
        assertTrue(text.contains("nothing") || text.contains("empty"), text);
        assertMentions(text, "20/20");
    }

    @Test
    void examineTellsTheThingsOwnDescriptionNotTheRooms() {
        String text = narrate(ok("examine", "Pitted with rust, but the edge still bites. (weapon, +3 damage)",
                Map.of("item", "rusty_sword", "itemName", "rusty sword", "kind", "weapon")));
        assertMentions(text, "the rusty sword", "Pitted with rust, but the edge still bites. (weapon, +3 damage)");
        assertFalse(text.contains("Heat rolls off") || text.contains("rusty_sword"), text);
        String npc = narrate(ok("examine", "Brann, smith. A gruff smith.", Map.of("npc", "brann", "npcName", "Brann")));
        assertMentions(npc, "Brann, smith. A gruff smith.");
        assertFalse(npc.contains("the Brann"), npc);
    }

    @Test
    void readableNamesFromTheRulesEngineWinOverIds() {
        String text = narrate(ok("attack", "You hit the grey wolf with the rusty sword for 4 damage.",
                Map.ofEntries(Map.entry("creature", "grey_wolf"), Map.entry("creatureName", "grey wolf"),
                        Map.entry("weapon", "rusty_sword"), Map.entry("weaponName", "rusty sword"),
                        Map.entry("hit", "true"), Map.entry("damage", "4"), Map.entry("creatureHp", "6"),
                        Map.entry("creatureMaxHp", "10"), Map.entry("killed", "false"),
                        Map.entry("creatureHit", "true"), Map.entry("creatureDamage", "3"),
                        Map.entry("playerHp", "14"), Map.entry("died", "false"))));
        assertMentions(text, "grey wolf", "4 damage", "3 damage", "14/20");
        assertFalse(text.contains("_"), "ids never reach the player: " + text);
    }

    @Test
    void aCreatureThatMissesIsNotNarratedAsAHit() {
        String text = narrate(ok("attack", "You hit the wolf. The wolf lunges at you and misses.",
                Map.of("creatureName", "grey wolf", "damage", "2", "creatureHit", "false", "creatureDamage", "0")));
        assertFalse(text.contains("0 damage"), text);
        assertTrue(text.contains("misses") || text.contains("dodge"), text);
    }

    @Test
    void unlockingOnTheWayIsTold() {
        String text = narrate(ok("go", "You unlock the way down with the iron key. You go down to the Old Vault.",
                Map.of("direction", "down", "unlocked", "true", "item", "iron_key")));
        assertTrue(text.contains("unlock") || text.contains("lock gives way"), text);
    }

    @Test
    void unknownTextTellsTheOutcomeAndNeverEchoesThePlayer() {
        String text = narrate(ok("unknown", "You are not sure how to do that.", Map.of()));
        assertMentions(text, "You are not sure how to do that.");
        assertFalse(text.contains("ignore"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"go", "look", "take", "drop", "use", "attack", "say", "talk", "help", "inventory",
            "examine", "unknown"})
    void aRefusalStaysARefusalWithTheRulesReason(String intent) {
        String reason = "There is no exit west.";
        String text = narrate(refused(intent, reason));
        assertMentions(text, reason);
        for (String success : List.of("You arrive", "You pick up", "You drop", "damage", "You say", "You turn to",
                "falls", "recover")) {
            assertFalse(text.contains(success), () -> intent + " refusal reads like a success: " + text);
        }
    }

    @Test
    void aRefusedMoveKeepsThePlayerWhereTheyAre() {
        for (int i = 0; i < 10; i++) {
            String text = narrate(request("r" + i, "go", false, "There is no exit west.", Map.of()));
            assertFalse(text.contains("Heat rolls off"), "a refused move does not describe an arrival: " + text);
            assertTrue(text.startsWith("There is no exit west."), text);
        }
    }

    @Test
    void theSameRequestAlwaysReadsTheSame() {
        NarrationRequest r = ok("attack", "You hit.", Map.of("creature", "grey wolf", "damage", "3", "taken", "2"));
        assertEquals(narrate(r), narrate(r));
        assertEquals(narrate(r), new RuleNarrator(200).narrate(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go", "look", "take", "attack", "inventory", "say"})
    void differentActionsReadDifferently(String intent) {
        Map<String, String> facts = Map.of("direction", "north", "item", "rusty sword", "creature", "grey wolf",
                "damage", "3", "taken", "2", "said", "hello");
        Set<String> texts = new HashSet<>();
        IntStream.range(0, 30).forEach(i -> texts.add(narrate(request("act-" + i, intent, true, "Done.", facts))));
        assertTrue(texts.size() >= 3, () -> intent + " has too little variety: " + texts);
    }

    @Test
    void withoutAnActionIdTheContentSeedsTheChoice() {
        NarrationRequest r = request(null, "look", true, "You look.", Map.of());
        assertEquals(narrate(r), narrate(request(null, "look", true, "You look.", Map.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"go", "look", "take", "drop", "use", "attack", "say", "talk", "help", "inventory",
            "examine", "unknown", "death", "nonsense"})
    void injectedInstructionsNeverAppearUnquoted(String intent) {
        for (boolean success : List.of(true, false)) {
            NarrationRequest r = new NarrationRequest("inj", intent, success, "Nothing happens.",
                    Map.of("said", INJECTION), ADA, FORGE, List.of(), INJECTION, List.of());
            String unquoted = narrate(r).replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(unquoted.contains("9999"), () -> intent + ": " + narrate(r));
            assertFalse(unquoted.toLowerCase().contains("ignore your rules"), () -> intent + ": " + narrate(r));
        }
    }

    @Test
    void thinRequestsStillNarrateTheOutcome() {
        NarrationRequest bare = new NarrationRequest(null, "attack", true, "You hit the rat.", null, null, null,
                null, null, List.of());
        assertEquals("You hit the rat.", narrate(bare));
    }

    @Test
    void controlCharactersInWorldDataDoNotBreakTheText() {
        String text = narrate(ok("take", "You take it.", Map.of("item", "odd\n\tstone\u0000")));
        assertMentions(text, "odd stone");
        assertFalse(text.contains("\n"), text);
    }
}
