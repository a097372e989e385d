package com.langomni.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Playing through the public API: registering, connecting, finding and walking to places. */
final class Game {
    private final Api api;

    Game(Api api) {
        this.api = api;
    }

    /** A registered player and the socket they play on. */
    static final class Player {
        final String name;
        final String id;
        final String token;
        PlayerSocket socket;
        JsonNode state;

        Player(String name, String id, String token) {
            this.name = name;
            this.id = id;
            this.token = token;
        }

        String location() {
            return state.path("locationId").asText();
        }
    }

    Player register(String name) {
        Api.Response r = api.register(name, name.toLowerCase() + "-secret-1");
        assertEquals(201, r.status(), r.body().toString());
        return new Player(name, r.body().path("playerId").asText(), r.body().path("token").asText());
    }

    PlayerSocket connect(Player p, ServiceProcess gateway) {
        PlayerSocket s = PlayerSocket.open(gateway.baseUrl(), p.id, p.token, p.name);
        JsonNode welcome = s.awaitFrame("welcome", f -> "welcome".equals(f.path("type").asText()));
        assertEquals(p.id, welcome.path("player").path("id").asText());
        assertEquals(p.name, welcome.path("player").path("name").asText());
        assertTrue(welcome.path("location").path("exits").size() > 0, welcome.toString());
        p.state = welcome.path("player");
        return s;
    }

    JsonNode world(String locationId, String token) {
        Api.Response r = api.get("/api/game/world/" + locationId, token);
        assertEquals(200, r.status(), r.body().toString());
        return r.body();
    }

    JsonNode firstOpenExit(String locationId, String token) {
        for (JsonNode e : world(locationId, token).path("exits")) {
            if (!e.path("locked").asBoolean()) {
                return e;
            }
        }
        throw new AssertionError("no open exit from " + locationId);
    }

    static String exitTo(JsonNode location, String target) {
        for (JsonNode e : location.path("exits")) {
            if (target.equals(e.path("to").asText()) && !e.path("locked").asBoolean()) {
                return e.path("direction").asText();
            }
        }
        throw new AssertionError("no way back to " + target + " from " + location);
    }

    /** Breadth-first search over open exits from the player's location, through the HTTP API. */
    List<String> pathTo(Player p, Predicate<JsonNode> goal) {
        Map<String, String[]> cameFrom = new HashMap<>(); // location -> {previous location, direction}
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(p.location()));
        cameFrom.put(p.location(), null);
        while (!queue.isEmpty()) {
            String here = queue.poll();
            JsonNode loc = world(here, p.token);
            if (goal.test(loc)) {
                List<String> steps = new ArrayList<>();
                for (String at = here; cameFrom.get(at) != null; at = cameFrom.get(at)[0]) {
                    steps.add(cameFrom.get(at)[1]);
                }
                Collections.reverse(steps);
                steps.add(0, here); // first element: the goal location id
                return steps;
            }
            for (JsonNode e : loc.path("exits")) {
                String to = e.path("to").asText();
                if (!e.path("locked").asBoolean() && !cameFrom.containsKey(to)) {
                    cameFrom.put(to, new String[] {here, e.path("direction").asText()});
                    queue.add(to);
                }
            }
        }
        throw new AssertionError("no reachable location matches");
    }

    String findLocation(Player p, Predicate<JsonNode> goal) {
        return pathTo(p, goal).get(0);
    }

    void walkTo(Player p, String target) {
        List<String> steps = pathTo(p, loc -> target.equals(loc.path("id").asText()));
        for (String direction : steps.subList(1, steps.size())) {
            JsonNode r = p.socket.play("go " + direction);
            assertEquals("result", r.path("type").asText(), r.toString());
            p.state = r.path("player");
        }
        assertEquals(target, p.location());
    }

    static JsonNode npcMatching(JsonNode location, String word) {
        for (JsonNode n : location.path("npcs")) {
            if ((n.path("name").asText() + " " + n.path("title").asText()).toLowerCase().contains(word)) {
                return n;
            }
        }
        return null;
    }

    static JsonNode weakest(JsonNode creatures) {
        JsonNode best = null;
        for (JsonNode c : creatures) {
            if (best == null || c.path("maxHp").asInt() < best.path("maxHp").asInt()) {
                best = c;
            }
        }
        return best;
    }

    static JsonNode findById(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.path("id").asText())) {
                return n;
            }
        }
        return null;
    }

    static Set<String> names(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    static Set<String> ids(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    static boolean isEvent(JsonNode f, String kind) {
        return "event".equals(f.path("type").asText()) && kind.equals(f.path("kind").asText());
    }
}
