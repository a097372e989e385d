package com.langomni.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The living world over real sockets (issue #17, item 6): an admin pauses the world from the panel's API, players
 * on both gateways are told, actions are refused while chat goes on, and the pause holds after every service
 * restarts with Redis flushed; a storm reaches everyone, bars the gate and ends for everyone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorldEventsIT {

    private Platform platform;
    private Api api;
    private Game game;
    private Game.Player ada;
    private Game.Player bram;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = new Platform("world", 18980, Platform.Stores.shared(), 9, Map.of(), false);
        platform.start(true);
        api = new Api(platform.gatewayA.baseUrl());
        game = new Game(api);
    }

    @AfterAll
    void stopPlatform() throws Exception {
        for (Game.Player p : new Game.Player[] {ada, bram}) {
            if (p != null && p.socket != null) {
                p.socket.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    private String admin() {
        Api.Response login = api.post("/api/auth/login", "{\"name\":\"admin\",\"password\":\"" + Platform.ADMIN_PASSWORD
                + "\"}", null);
        assertEquals(200, login.status(), login.body().toString());
        return login.body().path("token").asText();
    }

    private static boolean worldEvent(JsonNode f, String text) {
        return "event".equals(f.path("type").asText()) && "world".equals(f.path("kind").asText())
                && f.path("text").asText().contains(text);
    }

    @Test
    void aPauseHoldsAcrossARestartAndAStormReachesEveryone() throws Exception {
        ada = game.register("Ada" + System.nanoTime() % 100000);
        bram = game.register("Bram" + System.nanoTime() % 100000);
        ada.socket = game.connect(ada, platform.gatewayA);
        bram.socket = game.connect(bram, platform.gatewayB);
        String exit = game.firstOpenExit(ada.location(), ada.token).path("direction").asText();
        String token = admin();

        Api.Response paused = api.put("/api/admin/world/pause", "{\"paused\":true,\"reason\":\"e2e\"}", token);
        assertEquals(200, paused.status(), paused.body().toString());
        assertEquals(403, api.put("/api/admin/world/pause", "{\"paused\":false}", ada.token).status());
        ada.socket.awaitFrame("the pause", f -> worldEvent(f, "paused"));
        bram.socket.awaitFrame("the pause", f -> worldEvent(f, "paused"));

        JsonNode refused = ada.socket.play("go " + exit);
        assertTrue(refused.path("text").asText().contains("paused"), refused.toString());
        assertEquals(ada.location(), refused.path("player").path("locationId").asText());
        JsonNode said = ada.socket.play("say still here?");
        assertEquals("result", said.path("type").asText(), said.toString());
        bram.socket.awaitFrame("Ada's words", f -> "say".equals(f.path("kind").asText())
                && f.path("text").asText().contains("still here?"));

        ada.socket.close();
        bram.socket.close();
        platform.stop();
        platform.flushRedis();
        platform.start(false);
        ada.socket = game.connect(ada, platform.gatewayB);
        bram.socket = game.connect(bram, platform.gatewayA);
        JsonNode stillPaused = ada.socket.play("go " + exit);
        assertTrue(stillPaused.path("text").asText().contains("paused"), "after the restart: " + stillPaused);

        token = admin();
        JsonNode world = api.put("/api/admin/world/pause", "{\"paused\":false}", token).body();
        assertFalse(world.path("paused").asBoolean(), world.toString());
        assertEquals("resume", world.path("audit").path(0).path("action").asText());
        assertEquals("pause", world.path("audit").path(1).path("action").asText());
        ada.socket.awaitFrame("the resume", f -> worldEvent(f, "again"));
        JsonNode moved = ada.socket.play("go " + exit);
        assertFalse(moved.path("text").asText().contains("paused"), moved.toString());

        String announcement = null;
        String ending = null;
        for (JsonNode kind : world.path("kinds")) {
            if ("storm".equals(kind.path("id").asText())) {
                announcement = kind.path("announcement").asText();
            }
        }
        assertTrue(announcement != null && !announcement.isBlank(), world.toString());
        Api.Response storm = api.post("/api/admin/world/events", "{\"kind\":\"storm\",\"durationSeconds\":60}", token);
        assertEquals(200, storm.status(), storm.body().toString());
        String told = announcement.substring(0, 40);
        ada.socket.awaitFrame("the storm", f -> worldEvent(f, told));
        bram.socket.awaitFrame("the storm", f -> worldEvent(f, told));
        String ambience = storm.body().path("event").path("ambience").asText();
        JsonNode look = bram.socket.play("look");
        assertTrue(look.path("text").asText().contains(ambience), look.toString());
        assertEquals("storm", look.path("location").path("now").path("event").asText(), look.toString());

        Api.Response over = api.delete("/api/admin/world/events/current", token);
        assertEquals(200, over.status(), over.body().toString());
        bram.socket.awaitFrame("the storm's end", f -> worldEvent(f, "storm"));
        assertEquals(404, api.delete("/api/admin/world/events/current", token).status());
        ending = bram.socket.play("look").path("text").asText();
        assertFalse(ending.contains(ambience), ending);
    }
}
