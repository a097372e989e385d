package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;

/**
 * A line a replica generated, with what it cost.
 *
 * @param text     the cleaned words
 * @param replica  the replica that answered
 * @param attempts replicas tried, this one included
 * @param ttftNanos time from sending the request that succeeded to its first token
 * @param usage    tokens as the replica reported them, null when it did not
 */
public record GeneratedLine(String text, String replica, int attempts, long ttftNanos, TokenUsage usage) {
}
