package com.langomni.world.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Verb;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NarrationRequestValidatorTest {

    private static NarrationRequest of(String intent, String outcome) {
        return new NarrationRequest("a", Verb.of(intent), true, outcome, null, null, null, null, null, List.of());
    }

    @Test
    void acceptsAnIntentWithAnOutcome() {
        assertTrue(NarrationRequestValidator.problem(of("look", "You look.")).isEmpty());
    }

    @Test
    void namesWhatIsMissing() {
        assertEquals(Optional.of("intent is required"), NarrationRequestValidator.problem(of(" ", "x")));
        assertEquals(Optional.of("outcome is required"), NarrationRequestValidator.problem(of("look", null)));
        assertTrue(NarrationRequestValidator.problem(null).isPresent());
    }
}
