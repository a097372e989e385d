package com.langomni.orchestrator.game.quest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quests through the real pipeline, PostgreSQL and Redis: accepting by talking to the giver, progress committed with
 * the action and read back from PostgreSQL after the hot copy is gone, the log over HTTP and as a command, a step
 * done by two players together.
 */
@QuarkusTest
class QuestTests {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    Database db;

    @BeforeEach
    void setUp() {
        db = new Database(dataSource);
    }

    private static String text(Response response) {
        response.then().statusCode(200);
        return response.path("text");
    }

    private List<Map<String, Object>> rows(TestPlayer player) {
        return db.query("select quest_id, step, status from player_quests where player_id = ? order by quest_id",
                UUID.fromString(player.id()));
    }

    @Test
    void partyMembersOnTheSameStepShareProgressWhereverTheyAreAndOthersDoNot() {
        TestPlayer ada = TestPlayer.register();
        TestPlayer bram = TestPlayer.register();
        TestPlayer cai = TestPlayer.register(); // holds the quest too, in no party: keeps his own pace
        for (TestPlayer p : List.of(ada, bram, cai)) {
            p.ok("east");
            assertTrue(text(p.ok("talk to marta")).contains("New quest: Rats in the Cellar"));
        }
        ada.ok("invite " + bram.name());
        assertTrue(text(bram.ok("join")).contains(ada.name()));

        ada.ok("down"); // step 1 done by Ada in the cellar; Bram stays in the inn
        assertEquals(1, rows(ada).get(0).get("step"));
        assertEquals(1, rows(bram).get(0).get("step"), "Bram, in Ada's party, shares the step");
        assertEquals(0, rows(cai).get(0).get("step"), "Cai is in no party: his quest waits for him");
        bram.get("/api/game/quests").then().statusCode(200)
                .body("quests[0].current", equalTo("Kill the giant rat in the cellar."));
    }

    @Test
    void talkingToTheGiverAcceptsAndProgressIsCommittedWithTheActionAndSurvivesLosingTheHotCopy() {
        TestPlayer ada = TestPlayer.register();
        ada.ok("east");
        assertTrue(text(ada.ok("talk to marta")).contains("New quest: Rats in the Cellar, from Marta Quill."));
        assertEquals(List.of(Map.of("quest_id", "rats-in-the-cellar", "step", 0, "status", "active")), rows(ada));

        String down = text(ada.ok("down"));
        assertTrue(down.contains("Quest Rats in the Cellar: step 1 done (Go down to the inn cellar.). Next: Kill the "
                + "giant rat in the cellar."), down);
        assertEquals(1, rows(ada).get(0).get("step"));

        // the hot copy goes (as after a restart of Redis or a reload): the log comes from PostgreSQL
        redis.key(String.class).del(RedisKeys.playerState(ada.id()));
        ada.get("/api/game/quests").then().statusCode(200)
                .body("quests[0].id", equalTo("rats-in-the-cellar"))
                .body("quests[0].status", equalTo("active"))
                .body("quests[0].step", equalTo(2))
                .body("quests[0].steps", equalTo(4))
                .body("quests[0].current", equalTo("Kill the giant rat in the cellar."))
                .body("quests[0].giverName", equalTo("Marta Quill"))
                .body("xp", equalTo(0));
        assertTrue(text(ada.ok("quests")).contains("Rats in the Cellar (step 2 of 4): Kill the giant rat"));
        String detail = text(ada.ok("quest rats"));
        assertTrue(detail.contains("[x] Go down to the inn cellar.") && detail.contains("Reward: honey cake"), detail);
        ada.ok("quest dragons").then().body("text", containsString("You have no quest called dragons"));
    }

    @Test
    void aRepeatedActionIdDoesNotAdvanceAQuestTwice() {
        TestPlayer bo = TestPlayer.register();
        bo.ok("east");
        bo.ok("talk to marta");
        String id = UUID.randomUUID().toString();
        String first = text(bo.act(id, "down"));
        String again = text(bo.act(id, "down"));
        assertEquals(first, again, "the original answer");
        assertEquals(1, rows(bo).get(0).get("step"));
    }

    @Test
    void theNightWatchCompletesOnlyWithTwoWatchersInTheTowerEachActingInTheOthersPresence() {
        TestPlayer ada = TestPlayer.register();
        TestPlayer bo = TestPlayer.register();
        for (TestPlayer p : List.of(ada, bo)) { // the prerequisites done, the watch accepted
            db.update("insert into player_quests (player_id, quest_id, step, status) values (?, 'rats-in-the-cellar',"
                    + " 4, 'done'), (?, 'wolves-at-the-edge', 3, 'done'), (?, 'the-night-watch', 0, 'active')",
                    UUID.fromString(p.id()), UUID.fromString(p.id()), UUID.fromString(p.id()));
        }
        ada.ok("north");
        String alone = text(ada.ok("up"));
        assertTrue(alone.contains("needs 2 players on this quest here together"), alone);
        assertEquals(0, step(ada, "the-night-watch"));

        bo.ok("north");
        String second = text(bo.ok("up"));
        assertTrue(second.contains("Quest The Night Watch: step 1 done"), second);
        assertEquals(1, step(bo, "the-night-watch"));

        String first = text(ada.ok("look"));
        assertTrue(first.contains("Quest The Night Watch: step 1 done"), first);
        assertEquals(1, step(ada, "the-night-watch"));

        ada.ok("down");
        String done = text(ada.ok("talk to hadrik"));
        assertTrue(done.contains("Quest complete: The Night Watch! You receive: loaf of rosemary bread, +50 XP, +3 "
                + "reputation."), done);
        ada.get("/api/game/quests").then().body("xp", equalTo(20 + 40 + 50)).body("reputation", equalTo(1 + 2 + 3));
        ada.get("/api/game/player/" + ada.id()).then().body("inventory.id", org.hamcrest.Matchers.hasItem("bread-loaf"));
    }

    private int step(TestPlayer player, String quest) {
        return (Integer) db.one("select step from player_quests where player_id = ? and quest_id = ?",
                UUID.fromString(player.id()), quest).get("step");
    }
}
