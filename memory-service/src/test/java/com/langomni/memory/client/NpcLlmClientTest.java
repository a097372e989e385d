package com.langomni.memory.client;

import com.langomni.api.memory.MemoryText;
import com.langomni.api.memory.Reflection;
import com.langomni.api.narration.TokenUsage;
import com.langomni.testkit.ServiceAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The npc-llm client against a fake npc-llm: its answers, its failures and its deadline (1 s, FakeNpcLlm). */
@QuarkusTest
@TestProfile(FakeNpcLlm.class)
class NpcLlmClientTest {

    FakeHttpServer npc;

    @Inject
    NpcLlmClient client;

    @BeforeEach
    void warmUp() {
        FakeNpcLlm.warmUp(npc, client);
    }

    @Test
    void importanceFromTheLlmIsUsed() {
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":8,\"source\":\"llm\","
                + "\"usage\":{\"promptTokens\":40,\"completionTokens\":1}}"));
        assertEquals(new LlmRating(OptionalInt.of(8), new TokenUsage(40, 1)), importance("The smith's daughter died"));
        assertTrue(npc.lastRequest("/api/npc/importance").contains("\"text\":\"The smith's daughter died\""));
        assertTrue(ServiceAuth.accepts(npc.lastServiceToken("/api/npc/importance")),
                "npc-llm wants memory-service's token: " + npc.lastServiceToken("/api/npc/importance"));
    }

    @Test
    void importanceFromRulesOutOfRangeFailedOrSlowIsNoAnswer() {
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":3,\"source\":\"rules\"}"));
        assertEquals(LlmRating.NONE, importance("x"));
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("{\"importance\":11,\"source\":\"llm\","
                + "\"usage\":{\"promptTokens\":40,\"completionTokens\":2}}"));
        assertEquals(new LlmRating(OptionalInt.empty(), new TokenUsage(40, 2)), importance("x"),
                "no rating to use, but the tokens were spent");
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.status(500));
        assertEquals(LlmRating.NONE, importance("x"));
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.json("not json"));
        assertEquals(LlmRating.NONE, importance("x"));
        npc.answer("/api/npc/importance", FakeHttpServer.Answer.hanging());
        long started = System.nanoTime();
        assertEquals(LlmRating.NONE, importance("x"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(), "the timeout bounds the wait");
    }

    @Test
    void reflectionsFromTheLlmComeBackWithEvidence() {
        npc.answer("/api/npc/reflect", FakeHttpServer.Answer.json(
                "{\"reflections\":[{\"text\":\"Ann is generous\",\"evidence\":[\"m1\",\"m2\"],\"importance\":6}],"
                        + "\"source\":\"llm\"}"));
        List<Reflection> out = client.reflect("npc:smith", List.of(new MemoryText("m1", "Ann gave me bread")))
                .await().indefinitely().reflections();
        assertEquals(List.of(new Reflection("Ann is generous", List.of("m1", "m2"), 6)), out);
        String sent = npc.lastRequest("/api/npc/reflect");
        assertTrue(sent.contains("\"ownerId\":\"npc:smith\"") && sent.contains("\"memories\":[{\"id\":\"m1\""), sent);
        assertTrue(ServiceAuth.accepts(npc.lastServiceToken("/api/npc/reflect")));
    }

    @Test
    void reflectionsFromRulesOrFailureAreNone() {
        npc.answer("/api/npc/reflect", FakeHttpServer.Answer.json(
                "{\"reflections\":[{\"text\":\"x\",\"evidence\":[]}],\"source\":\"rules\"}"));
        assertEquals(List.of(), client.reflect("npc:a", List.of()).await().indefinitely().reflections());
        npc.answer("/api/npc/reflect", FakeHttpServer.Answer.status(503));
        assertEquals(List.of(), client.reflect("npc:a", List.of()).await().indefinitely().reflections());
    }

    private LlmRating importance(String text) {
        return client.importance(text).await().indefinitely();
    }
}
