package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;

/**
 * A line a replica generated, with what it cost.
 *
 * @param text     the cleaned words
 * @param replica  the replica that answered
 * @param attempts replicas tried, this one included
 * @param ttftNanos time from sending the request that succeeded to its first token
 * @param usage    tokens the whole request used as the replicas reported them: the answering attempt's, plus any an
 *                 earlier failed attempt reported; {@link TokenUsage#NONE} when none reported usage
 */
public record GeneratedLine(String text, String replica, int attempts, long ttftNanos, TokenUsage usage) {
}
