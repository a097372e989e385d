package com.langomni.orchestrator.game.rules.model;

import java.util.List;

/**
 * A one-way exit; the pack authors the way back as its own exit.
 *
 * @param direction canonical direction ("north", "up") or a name ("gate")
 * @param aliases   other words that take this exit ("n", "door")
 * @param keyItemId null for an open exit; otherwise the item that unlocks it
 */
public record Exit(String direction, String to, List<String> aliases, String keyItemId) {
}
