package com.langomni.orchestrator.moderation;

import java.time.Instant;
import java.util.List;

/**
 * One flagged text, as the admin panel lists it.
 *
 * @param source     what it was: the player's verb ({@code say}, {@code tell}, {@code talk}, {@code unknown}) for
 *                   withheld player text, {@code narration} or {@code npc_reply} for replaced model output
 * @param playerId   who wrote it, or for whom the output was written; null when nobody
 * @param playerName their name, when the player still exists
 * @param text       the flagged text, cut to {@code langomni.moderation.stored-chars}
 * @param checker    {@code words}, {@code endpoint} or {@code words-fallback}
 */
public record ModerationFlag(long id, Instant ts, String source, String playerId, String playerName, String actionId,
                             String text, List<String> categories, String checker) {
}
