package com.langomni.npc.domain;

/**
 * How much of a request may reach the model. Everything in an {@code NpcReplyRequest} is bounded here, because
 * part of it is typed by players and all of it costs prefill time on a shared replica.
 *
 * @param maxPersonaChars       the NPC's persona
 * @param maxKnowledgeLines     authored knowledge lines, in authored order
 * @param maxKnowledgeChars     all knowledge lines together
 * @param maxMemories           memories of the player, most relevant first
 * @param maxConversationLines  the last lines of the conversation
 * @param maxLineChars          one memory or conversation line
 * @param maxPlayerTextChars    what the player said this turn
 * @param maxPromptChars        the whole prompt: the oldest conversation lines, then the least relevant
 *                              memories, then the last knowledge lines go first when it is over
 */
public record PromptLimits(int maxPersonaChars, int maxKnowledgeLines, int maxKnowledgeChars, int maxMemories,
                           int maxConversationLines, int maxLineChars, int maxPlayerTextChars, int maxPromptChars) {
    public PromptLimits {
        if (maxPersonaChars < 1 || maxKnowledgeLines < 0 || maxKnowledgeChars < 0 || maxMemories < 0
                || maxConversationLines < 0 || maxLineChars < 1 || maxPlayerTextChars < 1 || maxPromptChars < 1) {
            throw new IllegalArgumentException("prompt limits must be positive: " + this);
        }
    }
}
