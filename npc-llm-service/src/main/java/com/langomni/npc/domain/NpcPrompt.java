package com.langomni.npc.domain;

import com.langomni.llm.openai.ChatMessage;
import java.util.List;

/**
 * The chat messages for one NPC line: a system message that is identical for every player talking to this NPC
 * (so the replica's prefix cache holds it), then one user message for this turn.
 */
public record NpcPrompt(List<ChatMessage> messages) {
    public NpcPrompt {
        messages = List.copyOf(messages);
    }

    public int chars() {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }
}
