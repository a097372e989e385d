package com.langomni.orchestrator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code DELETE /api/admin/players/{id}/memories}: an admin erases what memory-service keeps about one player. */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class AdminMemoryTests {

    @Inject
    FakeMemoryService memory;

    @AfterEach
    void memoryServiceUp() {
        memory.reset();
    }

    private static String path(String playerId) {
        return "/api/admin/players/" + playerId + "/memories";
    }

    @Test
    void anAdminErasesEverythingAboutAPlayerAndTheirOwnHistory() {
        TestPlayer player = TestPlayer.register();

        given().header("Authorization", TestAdmin.bearer()).delete(path(player.id())).then()
                .statusCode(200)
                .body("deleted", equalTo((int) (FakeMemoryService.DELETED_ABOUT + FakeMemoryService.DELETED_OWNED)));

        List<String> deletes = memory.deletes();
        assertEquals(List.of("subject=" + player.id(), "owner=player%3A" + player.id()),
                deletes.subList(deletes.size() - 2, deletes.size()));
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        given().delete(path(TestPlayer.register().id())).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void aPlayerIsForbiddenEvenForThemselves() {
        TestPlayer player = TestPlayer.register();
        given().header("Authorization", player.bearer()).delete(path(player.id())).then()
                .statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void aDeadMemoryServiceIsUnavailable() {
        memory.mode(FakeMemoryService.Mode.DOWN);
        given().header("Authorization", TestAdmin.bearer()).delete(path(TestPlayer.register().id())).then()
                .statusCode(503).body("code", equalTo("unavailable"));
    }

    @Test
    void anIdThatIsNoPlayerIdIsABadRequest() {
        given().header("Authorization", TestAdmin.bearer()).delete(path("not-a-uuid")).then()
                .statusCode(400).body("code", equalTo("bad_request"));
    }
}
