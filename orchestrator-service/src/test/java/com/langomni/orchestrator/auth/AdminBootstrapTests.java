package com.langomni.orchestrator.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.auth.AdminBootstrap.Result;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The first admin comes from configuration: created at start when missing, then left alone (a restart does not undo
 * a password change), reset only on request (LANGOMNI_ADMIN_RESET_PASSWORD), absent without a password.
 */
@QuarkusTest
class AdminBootstrapTests {

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theConfiguredAdminExistsAfterStart() {
        Map<String, Object> row = new Database(dataSource).one("select role from players where name = ?", TestAdmin.NAME);
        assertEquals(TokenClaims.ROLE_ADMIN, row.get("role"));
        given().header("Authorization", TestAdmin.bearer()).get("/api/admin/metrics/cache").then().statusCode(200);
    }

    @Test
    void anExistingAdminKeepsItsPasswordAtTheNextStart() throws Throwable {
        String name = freshName();
        assertEquals(Result.CREATED, ensure(name, "first-password", false));
        String token = TestAdmin.login(name, "first-password");

        assertEquals(Result.KEPT, ensure(name, "second-password", false));

        login(name, "second-password").then().statusCode(401);
        TestAdmin.login(name, "first-password");
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(200);
        assertEquals(1, new Database(dataSource).query("select id from players where name = ?", name).size());
    }

    @Test
    void aPasswordChangedThroughTheApiSurvivesTheNextStart() throws Throwable {
        String name = freshName();
        assertEquals(Result.CREATED, ensure(name, "configured-password", false));
        String token = TestAdmin.login(name, "configured-password");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "configured-password", "newPassword", "changed-in-the-panel"))
                .post("/api/auth/password").then().statusCode(200);

        assertEquals(Result.KEPT, ensure(name, "configured-password", false));

        login(name, "configured-password").then().statusCode(401);
        TestAdmin.login(name, "changed-in-the-panel");
    }

    @Test
    void theResetFlagRecoversALostPasswordAndEndsTheOldSessions() throws Throwable {
        String name = freshName();
        assertEquals(Result.CREATED, ensure(name, "first-password", false));
        String token = TestAdmin.login(name, "first-password");
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(200);

        assertEquals(Result.RESET, ensure(name, "recovered-password", true));

        login(name, "first-password").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(401);
        String fresh = TestAdmin.login(name, "recovered-password");
        given().header("Authorization", "Bearer " + fresh).get("/api/admin/metrics/cache").then().statusCode(200);
    }

    @Test
    void aPlayerOfThatNameBecomesTheAdminOnlyWithTheResetFlag() throws Throwable {
        TestPlayer player = TestPlayer.register();

        assertEquals(Result.NOT_ADMIN, ensure(player.name(), "admin-now-password", false));
        player.get("/api/admin/metrics/cache").then().statusCode(403);
        login(player.name(), "admin-now-password").then().statusCode(401);

        assertEquals(Result.RESET, ensure(player.name(), "admin-now-password", true));
        player.get("/api/admin/metrics/cache").then().statusCode(401); // the player's token ended with the reset
        String token = TestAdmin.login(player.name(), "admin-now-password");
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(200);
    }

    @Test
    void withoutAPasswordNoAdminIsCreated() throws Throwable {
        String name = freshName();

        assertEquals(Result.SKIPPED, VertxContextSupport.subscribeAndAwait(
                () -> bootstrap.ensure(name, Optional.empty(), true)));
        assertEquals(Result.SKIPPED, ensure(name, "  ", true));

        assertTrue(new Database(dataSource).query("select id from players where name = ?", name).isEmpty());
    }

    @Test
    void aBadNameOrAPasswordTooShortForAnAdminIsRefused() {
        assertThrows(IllegalStateException.class, () -> ensure("not a name!", "long-enough-password", false));
        assertThrows(IllegalStateException.class, () -> ensure(freshName(), "short", false));
        assertThrows(IllegalStateException.class, () -> ensure(freshName(), "elevenchars", false));
    }

    @Test
    void anExistingAdminWithAPasswordBelowTodaysRulesStillStartsButIsNotResetToIt() throws Throwable {
        String name = freshName();
        assertEquals(Result.CREATED, ensure(name, "first-password", false));
        // an upgrade whose configured password was set under an older, shorter rule
        assertEquals(Result.KEPT, ensure(name, "elevenchars", false));
        assertThrows(IllegalStateException.class, () -> ensure(name, "elevenchars", true));
    }

    private Result ensure(String name, String password, boolean reset) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensure(name, Optional.of(password), reset));
    }

    private static io.restassured.response.Response login(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "password", password))
                .post("/api/auth/login");
    }

    private static String freshName() {
        return "a" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }
}
