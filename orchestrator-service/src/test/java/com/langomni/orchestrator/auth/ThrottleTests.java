package com.langomni.orchestrator.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.auth.throttle.ClientAddress;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.CuttableRedis;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.List;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import com.langomni.testkit.ServiceAuth;
import com.langomni.testkit.ServiceAuthRestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The door's throttles: per client address, per account name, the bcrypt pool's bound, and Redis failing. */
@QuarkusTest
@TestProfile(ThrottleProfile.class)
class ThrottleTests {

    @Inject
    PasswordHasher hasher;

    @Inject
    FakeLlmServices fake;

    @Inject
    FakeMemoryService memory;

    @Inject
    RedisDataSource redis;

    @Inject
    World world;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void pastItsConversationBudgetAPlayerIsRefusedWithoutAnNpcCallAMemoryOrAnyChange() {
        fake.reset();
        breakers.resetAll();
        TestPlayer player = newPlayer();
        TestPlayer other = newPlayer();
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        // one word: "tell" takes the NPC's name as one
        String alias = npc.aliases().stream().filter(a -> !a.contains(" ")).findFirst().orElseThrow();
        for (TestPlayer p : List.of(player, other)) {
            route.directions().forEach(direction -> p.ok("go " + direction));
        }
        for (int i = 0; i < ThrottleProfile.TALKS; i++) {
            assertEquals("llm", player.ok("ask " + alias + " about the weather " + i).path("source"));
        }
        String conversation = RedisKeys.conversation(npc.id(), player.id());
        long lines = redis.list(String.class).llen(conversation);
        String before = player.get("/api/game/player/" + player.id()).asString();

        String topic = "budget-" + UUID.randomUUID();
        for (String text : List.of("ask " + alias + " about " + topic, "tell " + alias + " " + topic)) {
            Response refused = player.ok(text);
            assertEquals("rules", refused.path("source"));
            assertTrue(refused.path("text").toString().contains(npc.name() + " has heard a great deal from you"),
                    refused::asString);
        }

        assertEquals(ThrottleProfile.TALKS, fake.npcRequests().stream()
                .filter(r -> player.id().equals(r.path("playerId").asText())).count(), "no NPC call past the budget");
        assertEquals(lines, redis.list(String.class).llen(conversation), "nothing added to the conversation");
        assertEquals(before, player.get("/api/game/player/" + player.id()).asString(), "no state change");
        // a memory queued by the refused talks would be in the write stream or at the memory service by now
        assertFalse(redis.execute("XRANGE", "langomni:memory-writes", "-", "+").toString().contains(topic));
        assertEquals(List.of(), memory.attemptsContaining(topic));
        // the budget is the player's own
        assertEquals("llm", other.ok("ask " + alias + " about " + topic).path("source"));
    }

    @Test
    void loginsPerAddressAreBudgetedAndAnotherAddressIsNotTouched() {
        String ip = newIp();
        for (int i = 0; i < ThrottleProfile.LOGINS_PER_IP; i++) {
            login(ip, newName(), "wrong password").then().statusCode(401);
        }

        Response refused = login(ip, newName(), "wrong password");
        refused.then().statusCode(429).body("code", equalTo("rate_limited"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= Duration.ofMinutes(10).toSeconds(), () -> "Retry-After " + retryAfter);
        login(newIp(), newName(), "wrong password").then().statusCode(401);
    }

    @Test
    void theForwardedForHeaderNamesTheAddressItsFirstEntryCounts() {
        String ip = newIp();
        for (int i = 0; i < ThrottleProfile.LOGINS_PER_IP; i++) {
            loginVia(ip + ", " + newIp(), newName(), "wrong password").then().statusCode(401);
        }
        loginVia(ip + ", " + newIp(), newName(), "wrong password").then().statusCode(429);
    }

    @Test
    void aForwardedForFromACallerWithoutAServiceTokenIsNotBelieved() {
        String named = newIp();
        // Not vouched for by our gateway (no token, or a service token in the wrong header): whatever these answer
        // (the caller's own address pays), the address they name is not spent
        for (int i = 0; i <= ThrottleProfile.LOGINS_PER_IP; i++) {
            int status = ServiceAuthRestAssured.withoutToken().contentType(ContentType.JSON)
                    .header(ClientAddress.FORWARDED_FOR, named)
                    .header(i % 2 == 0 ? ServiceAuth.HEADER : ClientAddress.VOUCHED_BY, i % 2 == 0 ? ServiceAuth.token() : "v1.forged.0.x")
                    .body(Map.of("name", newName(), "password", "wrong password")).post("/api/auth/login").statusCode();
            assertTrue(status == 401 || status == 429, () -> "status " + status);
        }
        login(named, newName(), "wrong password").then().statusCode(401);
    }

    @Test
    void registrationsPerAddressAreBudgetedAndATakenNameStillSaysSo() {
        String ip = newIp();
        TestPlayer someone = newPlayer();
        register(ip, someone.name()).then().statusCode(409).body("code", equalTo("conflict"));
        for (int i = 1; i < ThrottleProfile.REGISTRATIONS_PER_IP; i++) {
            register(ip, newName()).then().statusCode(201);
        }

        Response refused = register(ip, newName());
        refused.then().statusCode(429).body("code", equalTo("rate_limited"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
        register(ip, someone.name()).then().statusCode(429); // enumeration is bounded by the same budget
    }

    @Test
    void anAccountLocksAfterItsFreeAttemptsEvenForTheRightPasswordAndTheLockGrows() {
        TestPlayer player = newPlayer();
        for (int i = 0; i < ThrottleProfile.FREE_ATTEMPTS; i++) {
            login(newIp(), player.name(), "wrong password").then().statusCode(401);
        }
        // the first attempt past the free ones is checked, and locks the name for 1 s
        login(newIp(), player.name(), "wrong password").then().statusCode(401);
        Response locked = login(newIp(), player.name().toUpperCase(), TestPlayer.PASSWORD);
        locked.then().statusCode(429).body("code", equalTo("rate_limited"));
        assertEquals("1", locked.header("Retry-After"));

        // the lock runs out: the next attempt is checked again, and a wrong one locks for twice as long
        long[] lockedAt = new long[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            lockedAt[0] = System.nanoTime();
            return login(newIp(), player.name(), "still wrong").statusCode() == 401;
        });
        Response longer = login(newIp(), player.name(), TestPlayer.PASSWORD);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - lockedAt[0]).toMillis();
        longer.then().statusCode(429);
        // 2 s left but for the time the two requests took: "2" unless this machine stalled for a second between them
        String retryAfter = longer.header("Retry-After");
        assertTrue("2".equals(retryAfter) || ("1".equals(retryAfter) && elapsedMs >= 1000),
                () -> "Retry-After " + retryAfter + " after " + elapsedMs + " ms");

        // the right password once the lock is over clears the count: the free attempts are back
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> login(newIp(), player.name(), TestPlayer.PASSWORD).statusCode() == 200);
        for (int i = 0; i < ThrottleProfile.FREE_ATTEMPTS; i++) {
            login(newIp(), player.name(), "wrong password").then().statusCode(401);
        }
    }

    @Test
    void anUnknownNameLocksLikeAKnownOneSoALockoutNamesNoAccount() {
        String name = newName();
        for (int i = 0; i <= ThrottleProfile.FREE_ATTEMPTS; i++) {
            login(newIp(), name, "wrong password").then().statusCode(401);
        }
        login(newIp(), name, "wrong password").then().statusCode(429).body("code", equalTo("rate_limited"));
    }

    @Test
    void impossibleCredentialsAre400BeforeAnyThrottleOrHashing() {
        String ip = newIp();
        for (int i = 0; i < ThrottleProfile.LOGINS_PER_IP + 2; i++) {
            login(ip, newName(), "p".repeat(73)).then().statusCode(400).body("code", equalTo("bad_request"));
        }
        login(ip, "n".repeat(25), "a password").then().statusCode(400);
        login(ip, newName(), "é".repeat(37)).then().statusCode(400); // 37 characters, 74 bytes
        login(ip, newName(), "").then().statusCode(400);
        login(ip, newName(), "wrong password").then().statusCode(401); // none of them used the budget
    }

    @Test
    void aFullBcryptPoolAnswers429AtOnceAndServesAgainWhenItDrains() throws Exception {
        TestPlayer player = newPlayer();
        CountDownLatch release = new CountDownLatch(1);
        // one thread, room for two checks: both taken by work that waits for the latch
        Uni<Boolean> busy = hasher.run(() -> release.await(30, TimeUnit.SECONDS));
        var first = busy.subscribeAsCompletionStage();
        var second = hasher.run(() -> release.await(30, TimeUnit.SECONDS)).subscribeAsCompletionStage();
        try {
            long started = System.nanoTime();
            Response refused = login(newIp(), player.name(), TestPlayer.PASSWORD);
            refused.then().statusCode(429).body("code", equalTo("rate_limited"));
            assertEquals("1", refused.header("Retry-After"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000, "refused at once, not queued");
        } finally {
            release.countDown();
        }
        first.toCompletableFuture().get(10, TimeUnit.SECONDS);
        second.toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> login(newIp(), player.name(), TestPlayer.PASSWORD).statusCode() == 200);
    }

    @Test
    void withRedisDownEachReplicaAdmitsAFewAttemptsThenRefusesNeitherAllNorNone() {
        TestPlayer player = newPlayer();
        String ip = newIp();
        CuttableRedis.cut();
        try {
            for (int i = 0; i < ThrottleProfile.FALLBACK_BURST; i++) {
                login(ip, newName(), "wrong password").then().statusCode(401); // not locked out
            }
            login(ip, newName(), "wrong password").then().statusCode(429) // not let through unchecked
                    .body("code", equalTo("rate_limited"));
        } finally {
            CuttableRedis.mend();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> login(newIp(), player.name(), TestPlayer.PASSWORD).statusCode() == 200);
    }

    @Test
    void anAdminPasswordMustNotBeWeak() {
        String admin = "Bearer " + login(newIp(), TestAdmin.NAME, TestAdmin.PASSWORD).then().statusCode(200)
                .extract().path("token");
        for (String weak : new String[] {"admin-is-the-boss-1", "Password1234!", "aaaaaaaaaaaaaaaa1", "abcdefghijklmnop",
                "1234567890!!!!"}) {
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", TestAdmin.PASSWORD, "newPassword", weak))
                    .post("/api/auth/password").then().statusCode(400).body("code", equalTo("bad_request"));
        }
        login(newIp(), TestAdmin.NAME, TestAdmin.PASSWORD).then().statusCode(200); // nothing changed
    }

    private static Response login(String ip, String name, String password) {
        return loginVia(ip, name, password);
    }

    private static Response loginVia(String forwardedFor, String name, String password) {
        return given().contentType(ContentType.JSON).header(ClientAddress.FORWARDED_FOR, forwardedFor)
                .header(ClientAddress.VOUCHED_BY, ServiceAuth.token()).body(Map.of("name", name, "password", password)).post("/api/auth/login");
    }

    static Response register(String ip, String name) {
        return given().contentType(ContentType.JSON).header(ClientAddress.FORWARDED_FOR, ip)
                .header(ClientAddress.VOUCHED_BY, ServiceAuth.token()).body(Map.of("name", name, "password", TestPlayer.PASSWORD)).post("/api/auth/register");
    }

    static String newName() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An address of the IPv6 documentation block (RFC 3849) no other test, or earlier run, uses. */
    static String newIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder ip = new StringBuilder("2001:db8");
        for (int i = 0; i < 6; i++) {
            ip.append(':').append(Integer.toHexString(random.nextInt(65536)));
        }
        return ip.toString();
    }

    /** A new player registered from an address of its own (127.0.0.1 would soon use up its budget here). */
    static TestPlayer newPlayer() {
        String name = newName();
        Response response = register(newIp(), name);
        response.then().statusCode(201);
        return new TestPlayer(response.path("playerId"), name, response.path("token"));
    }
}
