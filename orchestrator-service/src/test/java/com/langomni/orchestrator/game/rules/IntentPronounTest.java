package com.langomni.orchestrator.game.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.outcome.Verb;
import org.junit.jupiter.api.Test;

class IntentPronounTest {

    private final Parser parser = new Parser();

    @Test
    void aPronounTargetBecomesTheReferent() {
        Intent take = parser.parse("take it").withReferent("rusty lantern");
        assertEquals(Verb.TAKE, take.verb());
        assertEquals("rusty lantern", take.target());
        assertEquals("take it", take.raw());
        assertEquals("pip", parser.parse("talk to him").withReferent("pip").target());
        assertEquals("wolf", parser.parse("attack them").withReferent("wolf").target());
        assertEquals("marta", parser.parse("give the bread to her").withReferent("marta").topic());
    }

    @Test
    void withoutAPronounOrAReferentNothingChanges() {
        Intent intent = parser.parse("take the bread");
        assertFalse(intent.usesPronoun());
        assertSame(intent, intent.withReferent("lantern"));
        Intent it = parser.parse("take it");
        assertSame(it, it.withReferent(null));
        Intent told = parser.parse("tell pip it is late");
        assertEquals("it is late", told.withReferent("lantern").topic(), "words said are never replaced");
    }

    @Test
    void whatASucceededActionRefersTo() {
        assertEquals("bread", parser.parse("take the bread").referent(true));
        assertEquals("pip", parser.parse("talk to pip").referent(true));
        assertNull(parser.parse("take the bread").referent(false), "a refused action names nothing");
        assertNull(parser.parse("go north").referent(true));
        assertNull(parser.parse("look").referent(true));
        assertNull(parser.parse("take it").referent(true));
        assertTrue(parser.parse("examine her").usesPronoun());
    }
}
