package com.langomni.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.api.outcome.Verb;
import com.langomni.api.outcome.Way;
import com.langomni.api.protocol.EventKinds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words of the rules' outcomes. Every sentence a rule produces is asserted through the rules engine in the
 * orchestrator's RulesEngineTest; here, what holds for every kind and reason whatever the rules do.
 */
class OutcomeTextTest {

    private static final Facts.Refused EVERYTHING_NAMED = Facts.Refused.because(Refusal.GO_WHERE).what("wolf")
            .item("brass key").way(new Way("gate", true)).npc("smith", "Brannoc").creature("giant rat")
            .here(List.of("Brannoc", "Pip"));

    @Test
    void everyRefusalIsASentenceThatNamesNoMissingPart() {
        for (Refusal reason : Refusal.values()) {
            Facts.Refused refused = new Facts.Refused(reason, EVERYTHING_NAMED.what(), EVERYTHING_NAMED.item(),
                    EVERYTHING_NAMED.way(), EVERYTHING_NAMED.npc(), EVERYTHING_NAMED.npcName(),
                    EVERYTHING_NAMED.creature(), EVERYTHING_NAMED.here());
            String text = OutcomeText.of(refused);
            assertTrue(text.matches("[A-Z].*[.?]"), reason + ": " + text);
            assertFalse(text.contains("null"), reason + ": " + text);
        }
    }

    @Test
    void aWayIsADirectionOrAPassage() {
        assertEquals("The way north is locked. You need the right key.",
                OutcomeText.of(Facts.Refused.because(Refusal.LOCKED).way(new Way("north", false))));
        assertEquals("The way through the gate is locked. You need the right key.",
                OutcomeText.of(Facts.Refused.because(Refusal.LOCKED).way(new Way("gate", true))));
    }

    @Test
    void aKeyThePackNoLongerDefinesIsStillAKey() {
        assertEquals("You unlock the way north with the key. You go north to Hall.", OutcomeText.of(
                new Facts.Moved(new Way("north", false), "yard", "Yard", "hall", "Hall", "south", "lost-key", null)));
    }

    @Test
    void theHelpAnnouncesEveryVerbAPlayerTypesOnce() {
        assertTrue(HelpText.TEXT.startsWith("Things you can do:\n"), HelpText.TEXT);
        for (Verb verb : Verb.values()) {
            boolean announcedElsewhere = verb == Verb.DROP || verb == Verb.UNKNOWN;
            assertEquals(announcedElsewhere, HelpText.lines(verb).isEmpty(), verb.name());
            HelpText.lines(verb).forEach(line -> assertTrue(HelpText.TEXT.contains(line)));
        }
        assertTrue(HelpText.lines(Verb.TAKE).get(0).contains("drop <item>"));
        assertEquals(HelpText.TEXT, OutcomeText.of(new Facts.HelpShown()));
    }

    @Test
    void roomLinesExistOnlyForTheEventsTheRulesRaise() {
        Facts.Taken taken = new Facts.Taken("sword", "iron sword");
        assertEquals("Ada picks up the iron sword.", RoomLines.line(EventKinds.TAKE, "Ada", taken));
        assertThrows(IllegalArgumentException.class, () -> RoomLines.line(EventKinds.SAY, "Ada", new Facts.Nothing()));
        Facts.Moved moved = new Facts.Moved(new Way("up", false), "hall", "Hall", "loft", "Loft", null, null, null);
        assertEquals("Ada climbs up.", RoomLines.line(EventKinds.LEFT, "Ada", moved));
        assertEquals("Ada arrives.", RoomLines.line(EventKinds.ARRIVED, "Ada", moved), "no way leads back");
        assertThrows(IllegalArgumentException.class, () -> RoomLines.line(EventKinds.DEATH, "Ada", moved));
    }

    @Test
    void factValuesNameIdsAndNamesSideBySideAndLeaveOutWhatDoesNotApply() {
        Map<String, String> moved = FactValues.of(new Facts.Moved(new Way("gate", true), "yard", "Yard", "hall",
                "Great Hall", "gate", "brass-key", "brass key"));
        assertEquals(Map.of("direction", "gate", "from", "yard", "to", "hall", "fromName", "Yard",
                "toName", "Great Hall", "unlocked", "true", "item", "brass-key"), moved);
        Map<String, String> fought = FactValues.of(new Facts.Fought("rat", "giant rat", null, null, false, 0, 6, 6,
                false, null, List.of(), null, null, 30, 30, false, null, null));
        assertFalse(fought.containsKey("weapon") || fought.containsKey("loot") || fought.containsKey("creatureHit"),
                fought.toString());
        assertEquals("0", fought.get("damage"));
        assertEquals(Map.of(), FactValues.of(null));
    }
}
