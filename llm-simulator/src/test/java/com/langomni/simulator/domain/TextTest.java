package com.langomni.simulator.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void tokenizesWordsAndPunctuationMarks() {
        assertEquals(List.of("Hello", ",", "world", "!", "It", "'", "s", "3", "pm", "."),
                Tokenizer.tokenize("Hello, world!  It's 3 pm."));
        assertEquals(List.of(), Tokenizer.tokenize("  \n\t "));
        assertEquals(Tokenizer.id("gate"), Tokenizer.id("gate"));
        assertNotEquals(Tokenizer.id("gate"), Tokenizer.id("Gate"));
    }

    @Test
    void pseudoTextIsDeterministicAndOneTokenPerPiece() {
        PseudoText a = new PseudoText(42);
        PseudoText b = new PseudoText(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String piece = a.next();
            assertEquals(piece, b.next());
            assertEquals(1, Tokenizer.tokenize(piece).size(), "piece '" + piece + "'");
            text.append(piece);
        }
        assertEquals(200, Tokenizer.tokenize(text.toString()).size());
        assertNotEquals(new PseudoText(1).next() + new PseudoText(1).next(), text.substring(0, 3));
    }

    @Test
    void sameChatRendersToSameTokensAndRolesMatter() {
        List<ChatTemplate.Message> chat = List.of(new ChatTemplate.Message("user", "Open the gate."));
        assertArrayEquals(ChatTemplate.renderChat(chat), ChatTemplate.renderChat(chat));
        // begin, user header, 4 tokens, end of turn, assistant header
        assertEquals(8, ChatTemplate.renderChat(chat).length);
        assertNotEquals(ChatTemplate.renderChat(chat)[1],
                ChatTemplate.renderChat(List.of(new ChatTemplate.Message("system", "Open the gate.")))[1]);
        assertEquals(5, ChatTemplate.renderCompletion("Open the gate.").length);
    }
}
