package com.langomni.orchestrator.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.service.AdminBootstrap.Result;
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

/** The first admin comes from configuration: created at start, reset on a new password, absent without one. */
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
    void anAdminIsCreatedAndANewPasswordReplacesTheOld() throws Throwable {
        String name = freshName();

        assertEquals(Result.CREATED, ensure(name, Optional.of("first-password")));
        String token = TestAdmin.login(name, "first-password");
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(200);

        assertEquals(Result.UPDATED, ensure(name, Optional.of("second-password")));
        login(name, "first-password").then().statusCode(401);
        TestAdmin.login(name, "second-password");
        assertEquals(1, new Database(dataSource).query("select id from players where name = ?", name).size());
    }

    @Test
    void anExistingPlayerOfThatNameBecomesTheAdmin() throws Throwable {
        TestPlayer player = TestPlayer.register();
        player.get("/api/admin/metrics/cache").then().statusCode(403);

        assertEquals(Result.UPDATED, ensure(player.name(), Optional.of("admin-now-password")));

        String token = TestAdmin.login(player.name(), "admin-now-password");
        given().header("Authorization", "Bearer " + token).get("/api/admin/metrics/cache").then().statusCode(200);
    }

    @Test
    void withoutAPasswordNoAdminIsCreated() throws Throwable {
        String name = freshName();

        assertEquals(Result.SKIPPED, ensure(name, Optional.empty()));
        assertEquals(Result.SKIPPED, ensure(name, Optional.of("  ")));

        assertTrue(new Database(dataSource).query("select id from players where name = ?", name).isEmpty());
    }

    @Test
    void aBadNameOrAShortPasswordIsRefused() {
        assertThrows(IllegalStateException.class, () -> ensure("not a name!", Optional.of("long-enough-password")));
        assertThrows(IllegalStateException.class, () -> ensure(freshName(), Optional.of("short")));
    }

    private Result ensure(String name, Optional<String> password) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> bootstrap.ensure(name, password));
    }

    private static io.restassured.response.Response login(String name, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "password", password))
                .post("/api/auth/login");
    }

    private static String freshName() {
        return "a" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }
}
