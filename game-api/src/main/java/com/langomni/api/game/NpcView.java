package com.langomni.api.game;

/** An NPC as seen in a location (persona and knowledge stay in the orchestrator). */
public record NpcView(String id, String name, String title) {
}
