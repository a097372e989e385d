package com.langomni.api.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.quest.QuestEntry;
import com.langomni.api.quest.QuestRewardView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contracts as the services' Jackson reads and writes them (unknown properties ignored, as in Quarkus). */
class FactsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One of each kind, every component set, so a round trip proves each reads back whole. */
    static final List<Facts> ONE_OF_EACH = List.of(
            new Facts.Looked(new LocationView("yard", "Yard", "A muddy yard.",
                    List.of(new ExitView("north", "hall", "Great Hall", true)), List.of(new ItemView("sword", "sword")),
                    List.of(new NpcView("pip", "Pip", "a boy")), List.of(), List.of())),
            new Facts.Moved(new Way("door", true), "hall", "Great Hall", "vault", "Vault", "door", "brass-key",
                    "brass key"),
            new Facts.ItemExamined("potion", "healing potion", "consumable", "Cloudy and red.", null, 10),
            new Facts.NpcExamined("smith", "Brannoc", "the smith", "A broad man."),
            new Facts.CreatureExamined("rat", "giant rat", "A big rat.", 4, 6, true),
            new Facts.ExitExamined(new Way("south", false), "yard", "Yard", false),
            new Facts.SelfExamined("Ada", 20, 30, List.of("iron sword")),
            new Facts.Taken("sword", "iron sword"),
            new Facts.Dropped("sword", "iron sword"),
            new Facts.InventoryShown(List.of(), 30, 30),
            new Facts.Healed("potion", "healing potion", 10, 22, 30),
            new Facts.Unlocked("key", "brass key", List.of(new Way("door", true), new Way("north", false))),
            new Facts.NoEffect("statue", "statue", false),
            new Facts.Said("Hello, friends!"),
            new Facts.Talked("smith", "Brannoc", "the smith", "swords", "Mind the sparks."),
            new Facts.Told("smith", "Brannoc", null, "my sister is Mira"),
            new Facts.Fought("rat", "giant rat", "sword", "iron sword", true, 5, 0, 6, true, 61_000L,
                    List.of("rat tail"), null, null, 30, 30, false, null, null),
            new Facts.Given("ingot", "iron ingot", "smith", "Brannoc"),
            new Facts.HelpShown(),
            new Facts.QuestsShown(List.of(new QuestEntry("rats", "The Rat Problem", "marta", "Marta Quill",
                    "Rats in the cellar.", QuestEntry.ACTIVE, 2, 3, "Kill the giant rat.", List.of("Talk to Marta."),
                    new QuestRewardView(List.of("honey cake"), 5, 10, 1), 1)), true, 10, 1),
            new Facts.Nothing(),
            new Facts.TradeOffered("lantern", "brass lantern", "bread", "loaf of bread", "p2", "Bo", 120),
            new Facts.TradeAccepted("lantern", "brass lantern", null, null, "p1", "Ada"),
            new Facts.TradeDeclined("p1", "Ada", "lantern", "brass lantern"),
            new Facts.TradeCancelled("p2", "Bo", "lantern", "brass lantern"),
            new Facts.PartyInvited("p2", "Bo"),
            new Facts.PartyJoined("p1", "Ada", List.of("Ada", "Bo")),
            new Facts.PartyLeft(List.of("Ada")),
            new Facts.PartyShown(List.of(new Facts.PartyMember("Ada", "square", "Town Square", true, true)), 4),
            new Facts.PartySaid("Meet at the ford", 2),
            Facts.Refused.because(Refusal.KEEPS_KEY).npc("smith", "Brannoc").item("brass key")
                    .way(new Way("door", true)).here(List.of("Brannoc", "Pip")).what("key").creature("rat"));

    @Test
    void everyKindIsOneRecordRegisteredUnderItsWireName() {
        Set<Class<?>> permitted = Set.of(Facts.class.getPermittedSubclasses());
        Map<Class<?>, String> registered = Arrays.stream(Facts.class.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));
        assertEquals(permitted, Arrays.stream(Facts.Kind.values()).map(Facts.Kind::type).collect(Collectors.toSet()));
        for (Facts.Kind kind : Facts.Kind.values()) {
            assertEquals(kind.wire(), registered.get(kind.type()), kind.name());
        }
        assertEquals(permitted, registered.keySet());
        Map<Facts.Kind, Facts> byKind = ONE_OF_EACH.stream().collect(Collectors.toMap(Facts::kind, Function.identity()));
        assertEquals(Set.of(Facts.Kind.values()), byKind.keySet(), "the fixture has one of each kind");
        byKind.forEach((kind, facts) -> assertEquals(kind.type(), facts.getClass()));
    }

    @Test
    void everyKindReadsBackAsWritten() throws JsonProcessingException {
        for (Facts facts : ONE_OF_EACH) {
            String json = JSON.writeValueAsString(facts);
            assertTrue(json.startsWith("{\"kind\":\"" + facts.kind().wire() + "\""), json);
            assertEquals(facts, JSON.readValue(json, Facts.class), json);
        }
    }

    @Test
    void nullComponentsAreLeftOutAndNothingButComponentsIsWritten() throws JsonProcessingException {
        assertEquals("{\"kind\":\"moved\",\"way\":{\"direction\":\"north\",\"passage\":false},\"from\":\"yard\","
                        + "\"fromName\":\"Yard\",\"to\":\"hall\",\"toName\":\"Great Hall\",\"back\":\"south\"}",
                JSON.writeValueAsString(new Facts.Moved(new Way("north", false), "yard", "Yard", "hall", "Great Hall",
                        "south", null, null)));
        assertEquals("{\"kind\":\"refused\",\"reason\":\"NO_EXIT\",\"what\":\"west\"}",
                JSON.writeValueAsString(Facts.Refused.because(Refusal.NO_EXIT).what("west")));
    }

    @Test
    void factsWithoutAKnownKindReadAsNothingButAnythingElseIsMalformed() throws JsonProcessingException {
        assertInstanceOf(Facts.Nothing.class, JSON.readValue("{}", Facts.class));
        assertInstanceOf(Facts.Nothing.class, JSON.readValue("{\"kind\":\"teleported\",\"to\":\"moon\"}", Facts.class));
        assertThrows(JsonProcessingException.class, () -> JSON.readValue("[1,2]", Facts.class));
        assertThrows(JsonProcessingException.class, () -> JSON.readValue("\"moved\"", Facts.class));
    }

    @Test
    void aNarrationRequestCarriesTheVerbByItsWireNameAndTypedFacts() throws JsonProcessingException {
        NarrationRequest request = new NarrationRequest("a1", Verb.TELL, true, "You tell Brannoc, \"hi\"",
                new Facts.Told("smith", "Brannoc", "the smith", "hi"),
                new PlayerView("p1", "Ada", "forge", 20, 20, List.of()), null, List.of(), "tell brannoc hi",
                List.of(), 80, NarrationRequest.HIGH);
        String json = JSON.writeValueAsString(request);
        assertTrue(json.contains("\"intent\":\"tell\""), json);
        assertTrue(json.contains("\"facts\":{\"kind\":\"told\",\"npc\":\"smith\""), json);
        assertEquals(request, JSON.readValue(json, NarrationRequest.class));
        NarrationRequest bare = JSON.readValue("{\"intent\":\"kill\",\"outcome\":\"x\",\"facts\":{}}",
                NarrationRequest.class);
        assertEquals(Verb.ATTACK, bare.intent());
        assertInstanceOf(Facts.Nothing.class, bare.facts());
        assertNull(JSON.readValue("{\"outcome\":\"x\"}", NarrationRequest.class).intent());
    }

    @Test
    void verbsGoByTheirLowerCaseNamesAndAnUnknownWordIsUnknown() {
        for (Verb verb : Verb.values()) {
            assertEquals(verb, Verb.of(verb.wire()));
            assertEquals(verb.name().toLowerCase(), verb.wire());
        }
        assertEquals(Verb.GO, Verb.of(" Move "));
        assertEquals(Verb.UNKNOWN, Verb.of("moonwalk"));
        assertNull(Verb.of("  "));
        assertNull(Verb.of(null));
    }

    @Test
    void fallbackReasonsKeepTheirTagsOnTheWireAndUnknownOnesReadAsOther() throws JsonProcessingException {
        assertEquals(List.of("disabled", "timeout", "error", "busy", "circuit_open", "other"),
                Arrays.stream(FallbackReason.values()).map(FallbackReason::tag).toList());
        String json = JSON.writeValueAsString(NarrationChunk.rules("You look.", FallbackReason.CIRCUIT_OPEN));
        assertTrue(json.contains("\"fallbackReason\":\"circuit_open\""), json);
        assertEquals(FallbackReason.CIRCUIT_OPEN, JSON.readValue(json, NarrationChunk.class).fallbackReason());
        assertEquals(FallbackReason.OTHER,
                JSON.readValue("{\"done\":true,\"fallbackReason\":\"gremlins\"}", NarrationChunk.class).fallbackReason());
        assertFalse(JSON.writeValueAsString(NarrationChunk.llm("x", null)).contains("fallbackReason"));
    }
}
