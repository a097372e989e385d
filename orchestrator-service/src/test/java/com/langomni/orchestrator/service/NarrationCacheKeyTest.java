package com.langomni.orchestrator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NarrationCacheKeyTest {

    private final ObjectMapper json = new ObjectMapper();

    private static LocationView square(List<PlayerRef> players) {
        return new LocationView("square", "Thornwall Square", "Cobbles and a well.",
                List.of(new ExitView("north", "gate", "North Gate", false)), List.of(new ItemView("well", "old well")),
                List.of(), List.of(), players);
    }

    private static NarrationRequest look(String actionId, String playerId, String playerName) {
        PlayerView player = new PlayerView(playerId, playerName, "square", 20, 20, List.of());
        return new NarrationRequest(actionId, "look", true, "Thornwall Square. Cobbles and a well.",
                Map.of("location", "square", "exits", "north"), player,
                square(List.of(new PlayerRef("bob-id", "Bob"), new PlayerRef(playerId, playerName))),
                List.of("Bob arrives."), "look", List.of());
    }

    private String key(NarrationRequest request) {
        return NarrationCacheKey.of("v1", request, json);
    }

    @Test
    void theActionIdAndTheActorsIdAndNameAreNotPartOfTheKey() {
        assertEquals(key(look("a1", "ann-id", "Ann")), key(look("a2", "cid-id", "Cid")));
    }

    @Test
    void otherPlayersPresentArePartOfTheKey() {
        NarrationRequest ann = look("a1", "ann-id", "Ann");
        NarrationRequest alone = new NarrationRequest("a1", "look", true, ann.outcome(), ann.facts(), ann.player(),
                square(List.of(new PlayerRef("ann-id", "Ann"))), ann.recent(), ann.playerText(), List.of());
        assertNotEquals(key(ann), key(alone));
    }

    @Test
    void theOrderOfFactsDoesNotMatter() {
        NarrationRequest ann = look("a1", "ann-id", "Ann");
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("exits", "north");
        reversed.put("location", "square");
        NarrationRequest same = new NarrationRequest("a1", "look", true, ann.outcome(), reversed, ann.player(),
                ann.location(), ann.recent(), ann.playerText(), List.of());
        assertEquals(key(ann), key(same));
    }

    @Test
    void everythingElseThatShapesTheTextChangesTheKey() {
        NarrationRequest base = look("a1", "ann-id", "Ann");
        String original = key(base);
        PlayerView hurt = new PlayerView("ann-id", "Ann", "square", 5, 20, List.of());
        PlayerView carrying = new PlayerView("ann-id", "Ann", "square", 20, 20, List.of(new ItemView("bread", "bread")));
        List<NarrationRequest> variants = List.of(
                new NarrationRequest("a1", "examine", true, base.outcome(), base.facts(), base.player(), base.location(), base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", false, base.outcome(), base.facts(), base.player(), base.location(), base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, "Another outcome.", base.facts(), base.player(), base.location(), base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), Map.of("location", "square"), base.player(), base.location(), base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), base.facts(), hurt, base.location(), base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), base.facts(), carrying, base.location(), base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), base.facts(), base.player(),
                        new LocationView("square", "Thornwall Square", "Cobbles and a well.", List.of(), List.of(), List.of(), List.of(), List.of()),
                        base.recent(), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), base.facts(), base.player(), base.location(), List.of("Bob leaves."), base.playerText(), List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), base.facts(), base.player(), base.location(), base.recent(), "look around", List.of()),
                new NarrationRequest("a1", "look", true, base.outcome(), base.facts(), base.player(), base.location(), base.recent(), base.playerText(), List.of("You killed the grey wolf.")));
        for (NarrationRequest variant : variants) {
            assertNotEquals(original, key(variant), variant::toString);
        }
        assertNotEquals(original, NarrationCacheKey.of("v2", base, json), "a new namespace invalidates every entry");
    }
}
