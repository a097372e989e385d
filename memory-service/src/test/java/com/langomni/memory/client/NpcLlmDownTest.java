package com.langomni.memory.client;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** npc-llm configured but not listening (RemoteBoundaries): no answer, never a failure. */
@QuarkusTest
@TestProfile(RemoteBoundaries.class)
class NpcLlmDownTest {

    @Inject
    NpcLlmClient client;

    @Test
    void npcLlmDownIsNoAnswer() {
        assertTrue(client.configured());
        assertEquals(LlmRating.NONE, client.importance("x").await().indefinitely());
        assertEquals(List.of(), client.reflect("npc:a", List.of()).await().indefinitely().reflections());
    }
}
