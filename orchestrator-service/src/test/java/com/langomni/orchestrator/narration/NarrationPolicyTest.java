package com.langomni.orchestrator.narration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.narration.NarrationPolicy.Plan;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.langomni.api.outcome.Verb;

class NarrationPolicyTest {

    /** The shipped defaults (application.properties). */
    private final NarrationPolicy policy = new NarrationPolicy(
            EnumSet.of(Verb.LOOK, Verb.GO, Verb.EXAMINE, Verb.ATTACK, Verb.USE, Verb.UNKNOWN),
            EnumSet.of(Verb.ATTACK, Verb.LOOK, Verb.GO), EnumSet.of(Verb.LOOK, Verb.EXAMINE, Verb.GO), false,
            Map.of(Verb.LOOK, 120, Verb.GO, 120, Verb.ATTACK, 60), 80);

    @Test
    void outcomesWhoseWordsAddNothingGetTheRulesText() {
        for (Verb verb : EnumSet.of(Verb.SAY, Verb.TELL, Verb.TAKE, Verb.DROP, Verb.INVENTORY, Verb.GIVE, Verb.HELP)) {
            assertFalse(policy.plan(verb, true).llm(), verb::name);
        }
    }

    @Test
    void refusalsGetTheRulesTextUnlessOperatorsWantThemNarrated() {
        assertFalse(policy.plan(Verb.ATTACK, false).llm());
        assertFalse(policy.plan(Verb.GO, false).llm());
        NarrationPolicy verbose = new NarrationPolicy(EnumSet.of(Verb.ATTACK), Set.of(), Set.of(), true, Map.of(), 50);
        Plan refused = verbose.plan(Verb.ATTACK, false);
        assertTrue(refused.llm());
        assertFalse(refused.cacheable(), "a refusal is not a place narration");
    }

    @Test
    void aFirstLookIsNarratedLongHighAndCacheableAsAPlace() {
        Plan look = policy.plan(Verb.LOOK, true);
        assertTrue(look.llm());
        assertEquals(120, look.maxTokens());
        assertTrue(look.highPriority());
        assertTrue(look.cacheable());
        assertTrue(look.place());
        assertFalse(look.repeat().llm(), "a place the player has just seen gets the rules' text");
    }

    @Test
    void lengthsAndPrioritiesFollowTheIntent() {
        Plan attack = policy.plan(Verb.ATTACK, true);
        assertEquals(60, attack.maxTokens());
        assertTrue(attack.highPriority());
        assertFalse(attack.cacheable(), "a fight is never served from the cache");
        assertFalse(attack.place());
        Plan examine = policy.plan(Verb.EXAMINE, true);
        assertEquals(80, examine.maxTokens(), "the default length");
        assertFalse(examine.highPriority());
        assertTrue(examine.cacheable());
        assertFalse(examine.place(), "examining a thing is no sight of the place");
        assertFalse(policy.plan(Verb.UNKNOWN, true).cacheable(), "free-form actions carry the player's words");
    }

    @Test
    void answerLengthsBelowOneTokenAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new NarrationPolicy(Set.of(), Set.of(), Set.of(), false, Map.of(Verb.LOOK, 0), 80));
        assertThrows(IllegalArgumentException.class,
                () -> new NarrationPolicy(Set.of(), Set.of(), Set.of(), false, Map.of(), 0));
    }
}
