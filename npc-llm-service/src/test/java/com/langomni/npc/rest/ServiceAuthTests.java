package com.langomni.npc.rest;

import com.langomni.testkit.ServiceAuthChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Only LangOmni services may ask an NPC to speak: every endpoint but health and metrics wants a service token. */
@QuarkusTest
class ServiceAuthTests {

    @Test
    void repliesNeedAServiceToken() {
        String ask = NpcReplyResourceTests.request("swords", "Tell me about swords", "");
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON).body(ask).post("/api/npc/reply"), 200);
    }

    @Test
    void memoryInsightsNeedAServiceToken() {
        // memory-service's calls: the importance of a memory, reflections on an owner's memories
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body("{\"text\":\"Ada attacked me with a spear.\"}").post("/api/npc/importance"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body(MemoryInsightResourceTests.REFLECT).post("/api/npc/reflect"), 200);
    }

    @Test
    void intentProposalsNeedAServiceToken() {
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body("{\"text\":\"grab it\",\"actions\":[\"look\"]}").post("/api/intent/propose"), 200);
    }

    @Test
    void probesAreOpenAndEverythingElseIsNot() {
        ServiceAuthChecks.assertProbesOpen();
        ServiceAuthChecks.assertGuarded(r -> r.get("/api/backends"), 200);
    }
}
