package com.langomni.orchestrator.party;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.PlayerChannel;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Parties over the real pipeline: the lifecycle with its size limit (langomni.party.max-size, 4), joins racing for
 * the last place, party chat reaching members wherever they are (and only them), state in PostgreSQL alone.
 */
@QuarkusTest
class PartyTests {

    @Inject
    Parties parties;

    @Inject
    PartyConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    World world;

    private static String text(Response response) {
        return response.path("text");
    }

    private List<String> members(TestPlayer player) {
        return parties.members(player.id()).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void invitedPlayersJoinUpToTheLimitAndLeaving() {
        assertEquals(4, config.maxSize());
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        TestPlayer cy = TestPlayer.register();
        TestPlayer di = TestPlayer.register();
        TestPlayer ed = TestPlayer.register();

        assertEquals("You are not in a party. Invite someone with: invite <player>.", text(ada.ok("party")));
        assertEquals("No one has invited you into a party.", text(bo.ok("join")));
        assertEquals(List.of(), members(ada));
        ada.ok("invite " + bo.name());
        assertEquals(List.of(), members(ada), "an invitation makes no party yet");
        assertEquals("You join " + ada.name() + "'s party. Members: " + ada.name() + ", " + bo.name() + ".",
                text(bo.ok("join")));
        assertEquals(List.of(ada.id(), bo.id()), members(bo));
        assertEquals(List.of(ada.id(), bo.id()), members(ada));
        assertEquals("The player " + bo.name() + " is in your party already.", text(ada.ok("invite " + bo.name())));
        assertEquals("You are in a party already; leave it first (leave party).", text(bo.ok("join")));

        // any member may invite; the invitation is into their party
        bo.ok("invite " + cy.name());
        ada.ok("invite " + di.name());
        ada.ok("invite " + ed.name());
        cy.ok("join " + bo.name());
        di.ok("join");
        assertEquals(List.of(ada.id(), bo.id(), cy.id(), di.id()), members(ada));
        Response full = ed.ok("join");
        assertTrue(text(full).startsWith("The party is full"), text(full));
        assertEquals(List.of(), members(ed));
        assertTrue(text(ada.ok("invite " + ed.name())).startsWith("The party is full"));

        String shown = text(cy.ok("party"));
        assertTrue(shown.startsWith("Your party (4 of 4):\n  " + ada.name() + " (leader) - "), shown);
        JsonNode view = cy.get("/api/game/party").then().statusCode(200).extract().as(JsonNode.class);
        assertEquals(4, view.path("maxSize").asInt());
        assertEquals(ada.name(), view.path("members").get(0).path("name").asText());
        assertTrue(view.path("members").get(0).path("leader").asBoolean());
        assertEquals(world.startLocationId(), view.path("members").get(3).path("location").asText());

        assertEquals("You leave your party.", text(bo.ok("leave party")));
        assertEquals(List.of(ada.id(), cy.id(), di.id()), members(ada));
        assertEquals(List.of(), members(bo));
        assertEquals("You join " + ada.name() + "'s party. Members: " + ada.name() + ", " + cy.name() + ", "
                + di.name() + ", " + ed.name() + ".", text(ed.ok("join " + ada.name())));
        ada.ok("leave party");
        assertEquals(List.of(cy.id(), di.id(), ed.id()), members(cy), "the next to have joined leads");
        di.ok("party leave");
        assertEquals("You leave your party, and it is no more.", text(ed.ok("leave party")));
        assertEquals(List.of(), members(cy));
        assertEquals("You are not in a party. Invite someone with: invite <player>.", text(cy.ok("leave party")));
        assertEquals(0L, ((Number) new Database(dataSource).one("select count(*) as n from party_members where "
                + "player_id in (cast(? as uuid), cast(? as uuid))", cy.id(), ed.id()).get("n")).longValue());
    }

    @Test
    void twoJoiningForTheLastPlaceAtOnceFillItOnce() throws Exception {
        TestPlayer ada = TestPlayer.register();
        List<TestPlayer> joined = List.of(TestPlayer.register(), TestPlayer.register());
        for (TestPlayer p : joined) {
            ada.ok("invite " + p.name());
            p.ok("join");
        }
        TestPlayer one = TestPlayer.register();
        TestPlayer two = TestPlayer.register();
        ada.ok("invite " + one.name());
        ada.ok("invite " + two.name());
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> one.ok("join"));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> two.ok("join"));
        List<String> answers = List.of(text(a.get(30, TimeUnit.SECONDS)), text(b.get(30, TimeUnit.SECONDS)));
        assertEquals(1, answers.stream().filter(t -> t.startsWith("You join")).count(), answers.toString());
        assertEquals(1, answers.stream().filter(t -> t.startsWith("The party is full")).count(), answers.toString());
        assertEquals(4, members(ada).size());
    }

    @Test
    void partyChatReachesMembersAnywhereAndNobodyElse() {
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        TestPlayer stranger = TestPlayer.register();
        ada.ok("invite " + bo.name());
        bo.ok("join");
        Response away = bo.ok("go " + new TestWorld(world).openExitOfStart().direction());
        assertNotEquals(world.startLocationId(), away.path("player.locationId"));

        try (PlayerChannel boHears = new PlayerChannel(redis, json, bo.id());
             PlayerChannel strangerHears = new PlayerChannel(redis, json, stranger.id())) {
            assertEquals("You tell your party, \"Meet me at the Ford!\"", text(ada.ok("psay Meet me at the Ford!")));
            JsonNode heard = await().atMost(Duration.ofSeconds(10)).until(() -> boHears.frames("event").stream()
                    .filter(f -> "party".equals(f.path("kind").asText())).findFirst(), found -> found.isPresent())
                    .orElseThrow();
            assertEquals("[party] " + ada.name() + ": Meet me at the Ford!", heard.path("text").asText());
            assertEquals(ada.name(), heard.path("from").asText());

            // withheld words (moderation, as for say) reach nobody
            Response withheld = ada.ok("party say kill yourself");
            assertTrue(text(withheld).startsWith("Those words are not allowed here"), text(withheld));
            ada.ok("psay and bring rope");
            await().atMost(Duration.ofSeconds(10)).until(() -> boHears.frames("event").size() >= 2);
            List<String> lines = boHears.frames("event").stream().map(f -> f.path("text").asText()).toList();
            assertEquals(List.of("[party] " + ada.name() + ": Meet me at the Ford!",
                    "[party] " + ada.name() + ": and bring rope"), lines);
            assertTrue(strangerHears.frames().isEmpty(), "not a member: " + strangerHears.frames());
        }
        assertEquals("Tell your party what?", text(ada.ok("psay")));
        assertEquals("You are not in a party. Invite someone with: invite <player>.",
                text(stranger.ok("psay hello?")));
    }

    /** Nothing of a party lives in Redis: with every key of the test database gone it is still all there. */
    @Test
    void aPartyLivesInPostgresql() {
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        ada.ok("invite " + bo.name());
        bo.ok("join");
        redis.flushall();
        assertEquals(List.of(ada.id(), bo.id()), members(bo));
        assertTrue(text(bo.ok("party")).contains(ada.name() + " (leader)"));
    }
}
