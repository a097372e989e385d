package com.langomni.memory.rest;

import com.langomni.testkit.ServiceAuthChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only LangOmni services may read, write or delete memories: every endpoint but health and metrics wants a service
 * token (a deletion by owner or subject above all).
 */
@QuarkusTest
class ServiceAuthTests {

    private final String owner = "npc:auth-" + UUID.randomUUID();

    @Test
    void writingSearchingAndDeletingNeedAServiceToken() {
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "kind", "observation", "text", "A stranger asked about the mines"))
                .post("/api/memories"), 201);
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body(Map.of("ownerId", owner, "query", "mines", "limit", 3)).post("/api/memories/search"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.queryParam("owner", owner).get("/api/memories"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.queryParam("owner", owner).get("/api/memories/count"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.get("/api/memories/stats"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.queryParam("subject", "player:" + UUID.randomUUID())
                .delete("/api/memories"), 200);
        ServiceAuthChecks.assertGuarded(r -> r.queryParam("owner", owner).delete("/api/memories"), 200);
    }

    @Test
    void rankingNeedsAServiceToken() {
        ServiceAuthChecks.assertGuarded(r -> r.contentType(ContentType.JSON)
                .body(Map.of("query", "blades", "candidates", List.of("I forge swords.", "Herbs heal.")))
                .post("/api/embeddings/rank"), 200);
    }

    @Test
    void probesAreOpenAndEverythingElseIsNot() {
        ServiceAuthChecks.assertProbesOpen();
    }
}
