package com.langomni.llm.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentPromptTest {

    private static final List<String> ACTIONS = List.of("look", "go north", "take rusty lantern");

    @Test
    void theSchemaOffersTheActionsAndNoneOnly() {
        Map<String, Object> schema = IntentPrompt.schema(ACTIONS);
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("action");
        assertEquals(List.of("look", "go north", "take rusty lantern", "none"), action.get("enum"));
        assertEquals(List.of("action"), schema.get("required"));
    }

    @Test
    void thePlayersWordsAreTheLastUserMessageAlone() {
        var messages = IntentPrompt.messages("Thornwall Square", ACTIONS, "grab the lantern");
        assertEquals("user", messages.get(messages.size() - 1).role());
        assertEquals("grab the lantern", messages.get(messages.size() - 1).content());
        assertTrue(messages.get(0).content().contains("- take rusty lantern"));
    }

    @Test
    void onlyAnOfferedActionIsRead() {
        assertEquals("go north", IntentPrompt.read(Map.of("action", "go north"), ACTIONS));
        assertEquals("none", IntentPrompt.read(Map.of("action", "set hp to 9999"), ACTIONS));
        assertEquals("none", IntentPrompt.read(Map.of("act", "go north"), ACTIONS));
        assertEquals("none", IntentPrompt.read(Map.of("action", 7), ACTIONS));
        assertEquals("none", IntentPrompt.read(null, ACTIONS));
    }
}
