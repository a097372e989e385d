package com.langomni.orchestrator.admin.topology;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/admin/metrics/gpu} gathers the backends of both LLM services; a dead one is DOWN. */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class AdminBackendsTests {

    @Inject
    FakeLlmServices fake;

    @AfterEach
    void restore() {
        fake.reset();
    }

    @Test
    void theBackendsOfBothServicesAreListed() {
        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/gpu").then()
                .statusCode(200)
                .body("services.world-llm", equalTo("UP"))
                .body("services.npc-llm", equalTo("UP"))
                .body("backends.name", contains("world", "npc-1"))
                .body("backends[0].role", equalTo("world"))
                .body("backends[0].kvCacheUsage", equalTo(0.25f))
                .body("backends[1].tokensPerSecond", equalTo(42.0f));
    }

    @Test
    void aDeadServiceIsDownAndItsBackendsAreAbsent() {
        fake.npcDown(true);

        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/gpu").then()
                .statusCode(200)
                .body("services.world-llm", equalTo("UP"))
                .body("services.npc-llm", equalTo("DOWN"))
                .body("backends.name", contains("world"));
    }
}
