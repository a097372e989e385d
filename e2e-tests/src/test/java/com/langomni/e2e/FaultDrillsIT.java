package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.support.metrics.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault drills (issue #14): the packaged orchestrator and two gateways as JVMs, a PostgreSQL cluster and a
 * redis-server of this test's own (it crashes and restarts them), and a crowd of 20 players that play as the
 * protocol tells a client to. Each drill breaks one thing while the crowd acts, then checks the numbers against
 * the event log: every acknowledged action applied exactly once, nothing refused applied, every action answered,
 * no frame lost across a resume, each player's state what its events add up to. Counts go to
 * e2e-tests/target/drills/&lt;drill&gt;.md (and docs/RELIABILITY.md).
 *
 * <p>One platform for all drills, run in order; the last one kills a gateway for good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {
    static final int PG_PORT = Integer.getInteger("langomni.drills.pg-port", 25450);
    static final int REDIS_PORT = Integer.getInteger("langomni.drills.redis-port", 26390);
    static final String DATABASE = "langomni_drills";
    /** The gateway's deadline for one action; the forced-timeout drill outlasts it. */
    static final Duration ACTION_TIMEOUT = Duration.ofSeconds(4);
    private static final String REPEATS = "repeats answered with the original answer (orchestrator metric)";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalPostgres pg;
    private LocalRedis redis;
    private Platform platform;
    private EventLogAudit log;
    private Api api;
    private Crowd crowd;
    private String adminToken;

    @BeforeAll
    void start() throws Exception {
        var target = Platform.ROOT.resolve("e2e-tests/target");
        pg = LocalPostgres.create(target.resolve("drills-pg"), PG_PORT);
        pg.start();
        pg.createDatabase(DATABASE);
        redis = new LocalRedis(target.resolve("drills-redis"), REDIS_PORT);
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopStores)); // never leave a server behind
        platform = new Platform("drills", 18780, new Platform.Stores(PG_PORT, DATABASE, REDIS_PORT), 0, Map.of(
                // A killed orchestrator's player locks outlive it by their lease: 10 s here (30 s in production)
                // keeps the drill short; it changes how long those players wait, not what they get.
                "LANGOMNI_GAME_LOCK_LEASE", "10s",
                "LANGOMNI_GATEWAY_ORCHESTRATOR_ACTION_TIMEOUT", ACTION_TIMEOUT.toSeconds() + "s"), false);
        platform.start(true);
        api = new Api(platform.gatewayA.baseUrl());
        log = new EventLogAudit(pg, DATABASE);
        crowd = Crowd.join(api, "Drill", 20, platform.gatewayA, platform.gatewayB);
        Api.Response login = api.post("/api/auth/login",
                "{\"name\":\"admin\",\"password\":\"" + Platform.ADMIN_PASSWORD + "\"}", null);
        assertEquals(200, login.status(), login.body().toString());
        adminToken = login.body().path("token").asText();
    }

    @AfterAll
    void stop() throws Exception {
        if (crowd != null) {
            crowd.players.forEach(CrowdPlayer::stop);
        }
        if (platform != null) {
            platform.close();
        }
        stopStores();
    }

    private void stopStores() {
        try {
            if (redis != null) {
                redis.close();
            }
            if (pg != null) {
                pg.close();
            }
        } catch (Exception e) {
            System.err.println("could not stop the drill's stores: " + e);
        }
    }

    /** (e) The same action id twice, on two gateways, and again after the gateway gave up on it: applied once. */
    @Test
    @Order(1)
    void sameActionIdTwiceAndAfterAForcedTimeoutIsAppliedOnce() throws Exception {
        DrillReport report = new DrillReport("e-idempotency",
                "The same action id sent twice back to back, again from a second socket on the other gateway, and "
                        + "an action whose gateway deadline (" + ACTION_TIMEOUT.toSeconds() + " s) passed while the "
                        + "orchestrator was frozen (SIGSTOP), resent once it ran again.");
        double repeatsBefore = repeats();
        Game game = new Game(api);
        Game.Player echo = game.register("Echo");
        echo.socket = game.connect(echo, platform.gatewayA);
        String start = echo.location();
        JsonNode exit = game.firstOpenExit(start, echo.token);

        // Twice back to back on one socket: both get the result, the player moves once.
        String twice = "e-twice-1";
        String go = actionFrame(twice, "go " + exit.path("direction").asText());
        echo.socket.sendRaw(go);
        echo.socket.sendRaw(go);
        JsonNode first = echo.socket.awaitFrame("the result of " + twice, f -> isResult(f, twice));
        JsonNode second = echo.socket.awaitFrame("the result of " + twice + " again", f -> isResult(f, twice));
        assertEquals(exit.path("to").asText(), first.path("player").path("locationId").asText(), first.toString());
        assertEquals(first.path("player"), second.path("player"), "the repeat gets the original answer");
        // Once more from another socket, on the other gateway.
        try (PlayerSocket other = PlayerSocket.open(platform.gatewayB.baseUrl(), echo.id, echo.token, "echo-b")) {
            other.awaitFrame("welcome", f -> "welcome".equals(f.path("type").asText()));
            other.sendRaw(go);
            JsonNode third = other.awaitFrame("the result of " + twice + " on gateway B", f -> isResult(f, twice));
            assertEquals(first.path("player"), third.path("player"), "the repeat gets the original answer");
        }
        int twiceRows = log.rows(echo.id, twice);
        EventLogAudit.State afterTwice = log.stored(echo.id);

        // Frozen orchestrator: the gateway's deadline passes (busy), the orchestrator then completes the action.
        String late = "e-late-1";
        String back = Game.exitTo(first.path("location"), start);
        String goBack = actionFrame(late, "go " + back);
        platform.orchestrator.freeze();
        JsonNode busy;
        try {
            echo.socket.sendRaw(goBack);
            busy = echo.socket.awaitFrame("busy for " + late, f -> late.equals(f.path("actionId").asText()));
        } finally {
            platform.orchestrator.resume();
        }
        assertEquals("error", busy.path("type").asText(), busy.toString());
        assertEquals("busy", busy.path("code").asText(), busy.toString());
        // The contract: the action may still complete, and then its result follows.
        JsonNode lateResult = echo.socket.awaitFrame("the late result of " + late, f -> isResult(f, late));
        echo.socket.sendRaw(goBack); // the client's retry with the same id
        JsonNode retried = echo.socket.awaitFrame("the answer to the retry of " + late, f -> isResult(f, late));
        assertEquals(lateResult.path("player"), retried.path("player"), "the retry gets the original answer");
        int lateRows = log.rows(echo.id, late);
        EventLogAudit.State end = log.stored(echo.id);
        long repeats = (long) (repeats() - repeatsBefore);
        echo.socket.close();

        report.count("sends of " + twice + " (2 on gateway A, 1 on gateway B)", 3)
                .count("event log rows for " + twice, twiceRows)
                .count("sends of " + late + " (1 timed out at the gateway, 1 retry)", 2)
                .count("event log rows for " + late, lateRows)
                .count(REPEATS, repeats)
                .note("location after " + twice,
                        afterTwice.locationId() + " (one step: " + exit.path("to").asText() + ")")
                .note("location after " + late, end.locationId() + " (back at the start: " + start + ")");
        report.write();
        assertEquals(1, twiceRows, "applied once");
        assertEquals(exit.path("to").asText(), afterTwice.locationId(), "moved once");
        assertEquals(1, lateRows, "applied once");
        assertEquals(start, end.locationId(), "moved back once");
        assertEquals(3, repeats, "the second send, the send on B and the retry were each answered, not applied");
    }

    /** (c) PostgreSQL crashes (immediate stop) and comes back while the crowd plays: none half-applied. */
    @Test
    @Order(2)
    void postgresCrashMidPlay() throws Exception {
        double repeats = repeats();
        crowd.play("c");
        crowd.awaitProgress("the crowd plays", 3, Duration.ofSeconds(60));
        int refusals = refusals();
        pg.crash();
        awaitReady(platform.orchestrator, false, "the orchestrator sees PostgreSQL down");
        awaitRefusals(refusals, "actions refused while PostgreSQL is down");
        pg.start();
        awaitReady(platform.orchestrator, true, "the orchestrator sees PostgreSQL back");
        crowd.awaitProgress("the crowd plays on", 3, Duration.ofSeconds(60));
        crowd.stop(Duration.ofSeconds(60));
        DrillReport.audit("c", "PostgreSQL stopped with `pg_ctl stop -m immediate` (open transactions lost) while 20 "
                + "players act, then started again (crash recovery).", crowd, log, api)
                .count(REPEATS, (long) (repeats() - repeats)).writeAndAssert();
    }

    /** (b) Redis restarts while the crowd plays: same promises. */
    @Test
    @Order(3)
    void redisRestartMidPlay() throws Exception {
        double repeats = repeats();
        crowd.play("b");
        crowd.awaitProgress("the crowd plays", 3, Duration.ofSeconds(60));
        int refusals = refusals();
        redis.stop();
        awaitReady(platform.orchestrator, false, "the orchestrator sees Redis down");
        awaitRefusals(refusals, "actions refused while Redis is down");
        redis.start();
        awaitReady(platform.orchestrator, true, "the orchestrator sees Redis back");
        crowd.awaitProgress("the crowd plays on", 3, Duration.ofSeconds(60));
        crowd.stop(Duration.ofSeconds(60));
        DrillReport.audit("b", "redis-server stopped (SIGTERM; append-only file, fsync every second) while 20 players "
                + "act, then started again on its files.", crowd, log, api)
                .count(REPEATS, (long) (repeats() - repeats)).writeAndAssert();
    }

    /** (a) kill -9 of the orchestrator while the crowd plays, then a restart. */
    @Test
    @Order(4)
    void orchestratorKilledMidPlay() throws Exception {
        crowd.play("a");
        crowd.awaitProgress("the crowd plays", 3, Duration.ofSeconds(60));
        int refusals = refusals();
        platform.orchestrator.kill();
        awaitRefusals(refusals, "actions refused while the orchestrator is dead");
        platform.orchestrator.start(Map.of());
        platform.orchestrator.awaitReady(Duration.ofSeconds(120));
        crowd.awaitProgress("the crowd plays on", 3, Duration.ofSeconds(90));
        crowd.stop(Duration.ofSeconds(60));
        DrillReport.audit("a", "The orchestrator killed with SIGKILL while 20 players act, then started again.",
                crowd, log, api).count(REPEATS + " (since the restart)", (long) repeats()).writeAndAssert();
    }

    /** (f) Kick with ban: the player's sockets close and the old token is refused on every gateway. */
    @Test
    @Order(5)
    void kickWithBanRefusesTheOldTokenEverywhere() throws Exception {
        Game game = new Game(api);
        Game.Player banned = game.register("Banned");
        PlayerSocket onA = game.connect(banned, platform.gatewayA);
        PlayerSocket onB = game.connect(banned, platform.gatewayB);
        Api.Response ban = api.post("/api/admin/players/" + banned.id + "/ban",
                "{\"minutes\":10,\"reason\":\"fault drill\"}", adminToken);
        assertEquals(200, ban.status(), ban.body().toString());
        int closedA = onA.awaitClose();
        int closedB = onB.awaitClose();
        DrillReport report = new DrillReport("f-ban", "An admin bans a player (10 minutes) who has a socket on each "
                + "gateway; then the player's old token tries again everywhere.");
        report.note("close code of the socket on gateway A", Integer.toString(closedA))
                .note("close code of the socket on gateway B", Integer.toString(closedB));
        int refusedSockets = 0;
        int refusedHttp = 0;
        int refusedLogins = 0;
        for (ServiceProcess gateway : List.of(platform.gatewayA, platform.gatewayB)) {
            // A socket now opens with a ticket, and the old token cannot get one
            Api.Response ticket = new Api(gateway.baseUrl()).post("/api/auth/ticket", "", banned.token);
            report.note("old token, socket ticket on " + gateway.name(), Integer.toString(ticket.status()));
            refusedSockets += ticket.status() == 401 ? 1 : 0;
            Api via = new Api(gateway.baseUrl());
            Api.Response http = via.get("/api/game/player/" + banned.id, banned.token);
            report.note("old token, GET /api/game/player on " + gateway.name(), Integer.toString(http.status()));
            refusedHttp += http.status() == 401 ? 1 : 0;
            Api.Response login = via.post("/api/auth/login",
                    "{\"name\":\"Banned\",\"password\":\"banned-secret-1\"}", null);
            report.note("login with the right password on " + gateway.name(),
                    login.status() + " " + login.body().path("code").asText());
            refusedLogins += login.status() == 403 && "banned".equals(login.body().path("code").asText()) ? 1 : 0;
        }
        report.count("gateways", 2).count("sockets of the banned player closed", 2)
                .count("new sockets with the old token refused (4401)", refusedSockets)
                .count("HTTP calls with the old token refused (401)", refusedHttp)
                .count("logins refused while banned (403 banned)", refusedLogins);
        report.write();
        assertEquals(4409, closedA, "kicked on gateway A");
        assertEquals(4409, closedB, "kicked on gateway B");
        assertEquals(2, refusedSockets, "the old token opens no socket on any gateway");
        assertEquals(2, refusedHttp, "the old token calls nothing on any gateway");
        assertEquals(2, refusedLogins, "no new token while the ban lasts");
    }

    /**
     * (d) kill -9 of gateway A: its players (away meanwhile) are offline everywhere within 30 s, then come back
     * on gateway B and resume with no frame lost. Last: gateway A stays dead.
     */
    @Test
    @Order(6)
    void gatewayKilledItsPlayersGoOfflineAndResumeOnTheOther() throws Exception {
        List<CrowdPlayer> onA = crowd.on(platform.gatewayA);
        double repeats = repeats();
        crowd.play("d");
        crowd.awaitProgress("the crowd plays", 3, Duration.ofSeconds(60));
        onA.forEach(CrowdPlayer::hold);
        long killed = System.nanoTime();
        platform.gatewayA.kill();
        Api viaB = new Api(platform.gatewayB.baseUrl());
        Awaitility.await("gateway A's players are offline everywhere").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> onA.stream().noneMatch(p -> seenOnline(viaB, p)));
        double offlineAfter = (System.nanoTime() - killed) / 1e9;
        long missed = 0; // frames their outboxes took meanwhile (room events, answers of actions in flight)
        Api orchestrator = Api.internal(platform.orchestrator.baseUrl()); // the gateway's own way in
        for (CrowdPlayer p : onA) {
            Api.Response outbox = orchestrator.get("/internal/sessions/" + p.id + "/frames?after=" + p.lastSeq(),
                    p.token);
            assertEquals(200, outbox.status(), outbox.body().toString());
            missed += outbox.body().path("frames").size();
        }
        onA.forEach(p -> p.returnTo(platform.gatewayB));
        Crowd.awaitProgress("gateway A's players play on via gateway B", onA, 3, Duration.ofSeconds(60));
        crowd.stop(Duration.ofSeconds(60));
        DrillReport report = DrillReport.audit("d", "Gateway A killed with SIGKILL while 20 players act (10 on each "
                + "gateway); its players stay away until the admin API and the room lists show them offline, then "
                + "reconnect to gateway B with `&resume=<last seq>`.", crowd, log, viaB);
        report.count(REPEATS, (long) (repeats() - repeats));
        report.count("frames waiting in the outboxes of gateway A's players when they came back", missed);
        report.note("seconds from the kill until all 10 were offline", String.format("%.1f", offlineAfter));
        report.writeAndAssert();
        assertTrue(onA.stream().allMatch(p -> p.reconnects >= 1), "every player of gateway A resumed on B");
    }

    /** Online in the admin API, or listed in the players of the room they were last in. */
    private boolean seenOnline(Api viaB, CrowdPlayer p) {
        Api.Response row = viaB.get("/api/admin/players/" + p.id, adminToken);
        if (row.status() != 200) {
            throw new AssertionError("admin API: " + row.status() + " " + row.body());
        }
        if (row.body().path("online").asBoolean()) {
            return true;
        }
        Api.Response room = viaB.get("/api/game/world/" + row.body().path("locationId").asText(), adminToken);
        for (JsonNode present : room.body().path("players")) {
            if (p.id.equals(present.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The orchestrator's count of action ids it had applied before, answered again instead of applied. */
    private double repeats() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(platform.orchestrator.baseUrl()
                + "/q/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return PrometheusText.parse(r.body()).sum("langomni_actions_repeated_total");
    }

    private int refusals() {
        return crowd.players.stream().mapToInt(p -> p.refusals).sum();
    }

    /** The outage is felt: the crowd gets errors, drops or no answer (ten of them). */
    private void awaitRefusals(int before, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> refusals() >= before + 10);
    }

    private static void awaitReady(ServiceProcess service, boolean ready, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ready(service) == ready);
    }

    private static boolean ready(ServiceProcess service) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception unreachable) {
            return false;
        }
    }

    private static String actionFrame(String id, String text) {
        return "{\"type\":\"action\",\"id\":\"" + id + "\",\"text\":\"" + text + "\"}";
    }

    private static boolean isResult(JsonNode f, String actionId) {
        return "result".equals(f.path("type").asText()) && actionId.equals(f.path("actionId").asText());
    }
}
