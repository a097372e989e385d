package com.langomni.simulator.domain;

import java.util.List;

/**
 * Renders a prompt to token ids the way a Llama-3 style chat template does: a begin-of-text token, a
 * header token per message, its content, an end-of-turn token, then the assistant header that asks for
 * the answer. Because the answer is appended right after that header, the next turn's prompt (which
 * carries the answer as an assistant message) extends this one token for token, so multi-turn
 * conversations hit the prefix cache as they do on vLLM.
 */
public final class ChatTemplate {
    static final long BEGIN_OF_TEXT = Tokenizer.id("<|begin_of_text|>");
    static final long END_OF_TURN = Tokenizer.id("<|eot_id|>");

    public record Message(String role, String content) {
    }

    private ChatTemplate() {
    }

    public static long[] renderChat(List<Message> messages) {
        TokenBuffer out = new TokenBuffer(64 * messages.size());
        out.add(BEGIN_OF_TEXT);
        for (Message m : messages) {
            out.add(header(m.role()));
            Tokenizer.appendIds(m.content(), out);
            out.add(END_OF_TURN);
        }
        out.add(header("assistant"));
        return out.toArray();
    }

    public static long[] renderCompletion(String prompt) {
        TokenBuffer out = new TokenBuffer(64);
        out.add(BEGIN_OF_TEXT);
        Tokenizer.appendIds(prompt, out);
        return out.toArray();
    }

    private static long header(String role) {
        return Tokenizer.id("<|start_header_id|>" + role + "<|end_header_id|>");
    }
}
