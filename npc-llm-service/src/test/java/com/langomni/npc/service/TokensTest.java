package com.langomni.npc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.api.narration.TokenUsage;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void usagesAddUpAndUnreportedCountsAsNone() {
        assertEquals(new TokenUsage(30, 7), Tokens.plus(new TokenUsage(10, 5), new TokenUsage(20, 2)));
        assertEquals(new TokenUsage(10, 5), Tokens.plus(new TokenUsage(10, 5), null));
        assertEquals(new TokenUsage(10, 5), Tokens.plus(null, new TokenUsage(10, 5)));
        assertEquals(TokenUsage.NONE, Tokens.plus(null, null));
        assertEquals(TokenUsage.NONE, Tokens.plus(TokenUsage.NONE, TokenUsage.NONE));
    }
}
