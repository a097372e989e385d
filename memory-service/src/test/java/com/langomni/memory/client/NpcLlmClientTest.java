package com.langomni.memory.client;

import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.Reflection;
import com.langomni.api.narration.TokenUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpcLlmClientTest {

    private final FakeHttpServer npc = new FakeHttpServer();
    private final NpcLlmClient client = new NpcLlmClient(npc.url(), Duration.ofSeconds(1));
    private static final Duration SHORT = Duration.ofSeconds(3);
    private static final Duration HANG = Duration.ofMillis(300);

    NpcLlmClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        npc.close();
    }

    @Test
    void importanceFromTheLlmIsUsed() {
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":8,\"source\":\"llm\","
                + "\"usage\":{\"promptTokens\":40,\"completionTokens\":1}}"));
        assertEquals(new LlmRating(OptionalInt.of(8), new TokenUsage(40, 1)),
                client.importance("The smith's daughter died", SHORT));
        assertTrue(npc.requests("/api/npc/importance").get(0).contains("\"text\":\"The smith's daughter died\""));
    }

    @Test
    void importanceFromRulesOutOfRangeFailedOrSlowIsNoAnswer() {
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":3,\"source\":\"rules\"}"));
        assertEquals(LlmRating.NONE, client.importance("x", SHORT));
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":11,\"source\":\"llm\","
                + "\"usage\":{\"promptTokens\":40,\"completionTokens\":2}}"));
        assertEquals(new LlmRating(OptionalInt.empty(), new TokenUsage(40, 2)), client.importance("x", SHORT),
                "no rating to use, but the tokens were spent");
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.status(500));
        assertEquals(LlmRating.NONE, client.importance("x", SHORT));
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("not json"));
        assertEquals(LlmRating.NONE, client.importance("x", SHORT));
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.hanging());
        long started = System.nanoTime();
        assertEquals(LlmRating.NONE, client.importance("x", HANG));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(), "the timeout bounds the wait");
    }

    @Test
    void npcLlmDownIsNoAnswer() {
        NpcLlmClient down = new NpcLlmClient("http://127.0.0.1:1", Duration.ofMillis(300));
        assertEquals(LlmRating.NONE, down.importance("x", SHORT));
        assertEquals(List.of(), down.reflect("npc:a", List.of(), SHORT).reflections());
    }

    @Test
    void reflectionsFromTheLlmComeBackWithEvidence() {
        npc.answer("/api/npc/reflect", FakeHttpServer.Answer.json(
                "{\"reflections\":[{\"text\":\"Ann is generous\",\"evidence\":[\"m1\",\"m2\"],\"importance\":6}],"
                        + "\"source\":\"llm\"}"));
        List<Reflection> out = client.reflect("npc:smith",
                List.of(new MemoryText("m1", "Ann gave me bread")), SHORT).reflections();
        assertEquals(List.of(new Reflection("Ann is generous", List.of("m1", "m2"), 6)), out);
        String sent = npc.requests("/api/npc/reflect").get(0);
        assertTrue(sent.contains("\"ownerId\":\"npc:smith\"") && sent.contains("\"memories\":[{\"id\":\"m1\""), sent);
    }

    @Test
    void reflectionsFromRulesOrFailureAreNone() {
        npc.answer("/api/npc/reflect", FakeHttpServer.Answer.json(
                "{\"reflections\":[{\"text\":\"x\",\"evidence\":[]}],\"source\":\"rules\"}"));
        assertEquals(List.of(), client.reflect("npc:a", List.of(), SHORT).reflections());
        npc.answer("/api/npc/reflect", FakeHttpServer.Answer.status(503));
        assertEquals(List.of(), client.reflect("npc:a", List.of(), SHORT).reflections());
    }
}
