package com.langomni.npc.domain;

import com.langomni.api.memory.ImportanceRequest;
import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.ReflectRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightRequestValidatorTest {
    private static final MemoryText M = new MemoryText("m-1", "Ada gave me an ingot.");

    @Test
    void anImportanceRequestNeedsText() {
        assertTrue(InsightRequestValidator.problem(new ImportanceRequest("a memory")).isEmpty());
        assertEquals(Optional.of("text is required"), InsightRequestValidator.problem(new ImportanceRequest(" ")));
        assertEquals(Optional.of("text is required"), InsightRequestValidator.problem(new ImportanceRequest(null)));
        assertTrue(InsightRequestValidator.problem((ImportanceRequest) null).isPresent());
    }

    @Test
    void aReflectRequestNeedsAnOwnerAndWellFormedMemories() {
        assertTrue(InsightRequestValidator.problem(new ReflectRequest("npc:brann", List.of(M)), 2).isEmpty());
        assertEquals(Optional.of("ownerId is required"),
                InsightRequestValidator.problem(new ReflectRequest(" ", List.of(M)), 2));
        assertEquals(Optional.of("memories must name at least one memory"),
                InsightRequestValidator.problem(new ReflectRequest("npc:brann", List.of()), 2));
        assertEquals(Optional.of("memories must name at least one memory"),
                InsightRequestValidator.problem(new ReflectRequest("npc:brann", null), 2));
        assertEquals(Optional.of("at most 2 memories per request, got 3"),
                InsightRequestValidator.problem(new ReflectRequest("npc:brann", List.of(M, M, M)), 2));
        assertEquals(Optional.of("memories[1].id is required"), InsightRequestValidator.problem(
                new ReflectRequest("npc:brann", List.of(M, new MemoryText("", "x"))), 2));
        assertEquals(Optional.of("memories[0].text is required"), InsightRequestValidator.problem(
                new ReflectRequest("npc:brann", List.of(new MemoryText("m", null))), 2));
        assertEquals(Optional.of("memories[1].id is required"), InsightRequestValidator.problem(
                new ReflectRequest("npc:brann", Arrays.asList(M, null)), 2));
        assertTrue(InsightRequestValidator.problem((ReflectRequest) null, 2).isPresent());
    }
}
