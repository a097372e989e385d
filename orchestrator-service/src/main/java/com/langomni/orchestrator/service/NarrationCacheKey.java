package com.langomni.orchestrator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The cache key of a world narration: a hash of everything that may shape its text. By the world-llm contract
 * that is the whole {@link NarrationRequest} except the action id and the actor's id and name (the prompt narrates
 * in the second person), so two players looking at the same unchanged room share an entry. The actor is also
 * dropped from the players present, which would otherwise name them. The namespace stands for what the request
 * does not carry: the model and the prompt.
 */
final class NarrationCacheKey {

    /** What goes into the hash; records serialise in component order and facts are sorted, so it is stable. */
    private record Shape(String namespace, String intent, boolean success, String outcome, Map<String, String> facts,
                         String playerLocationId, int hp, int maxHp, List<ItemView> inventory, LocationView location,
                         List<String> recent, String playerText, List<String> history) {
    }

    private NarrationCacheKey() {
    }

    static String of(String namespace, NarrationRequest request, ObjectMapper json) {
        PlayerView player = request.player();
        Shape shape = new Shape(namespace, request.intent(), request.success(), request.outcome(),
                request.facts() == null ? Map.of() : new TreeMap<>(request.facts()),
                player == null ? null : player.locationId(), player == null ? 0 : player.hp(),
                player == null ? 0 : player.maxHp(), player == null ? null : player.inventory(),
                withoutActor(request.location(), player), request.recent(), request.playerText(),
                request.history() == null ? List.of() : request.history());
        try {
            return sha256(json.writeValueAsBytes(shape));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("narration request is not serialisable", e);
        }
    }

    private static LocationView withoutActor(LocationView location, PlayerView actor) {
        if (location == null || location.players() == null || actor == null) {
            return location;
        }
        List<PlayerRef> others = location.players().stream().filter(p -> !Objects.equals(p.id(), actor.id())).toList();
        return new LocationView(location.id(), location.name(), location.description(), location.exits(),
                location.items(), location.npcs(), location.creatures(), others);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
