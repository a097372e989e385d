package com.langomni.orchestrator.game.rules.model;

import java.util.List;

/**
 * A non-player character. NPCs talk; they are not fought.
 *
 * @param persona   who they are and how they speak (the NPC LLM's system prompt)
 * @param knowledge authored lines they can say (the retrieval dialog's answers)
 */
public record Npc(String id, String name, String title, String locationId, List<String> aliases, String persona,
                  List<String> knowledge, String greeting) {
}
