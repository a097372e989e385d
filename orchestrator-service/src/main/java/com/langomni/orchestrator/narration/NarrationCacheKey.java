package com.langomni.orchestrator.narration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache key of a world narration: a digest of everything in the request but the action id, so whatever
 * reaches the model is in the key and a cached text is never served where it would be untrue. Place narrations
 * are asked without the actor, the players present, recent events or the words typed ({@link WorldNarration}),
 * so for them the key comes down to the place's visible state version and the rules' outcome: two players looking
 * at an unchanged square share one entry. The state version is a digest of what the place shows (exits, items,
 * NPCs, creatures and their wounds): a change there makes a new key and the old entry is never served again,
 * invalidation by state, with the TTL only reclaiming memory. The namespace stands for what the request does not
 * carry: the model and the prompt.
 */
final class NarrationCacheKey {

    /** What a place shows anyone who looks; records serialise in component order, so the digest is stable. */
    private record Visible(String id, String name, String description, List<ExitView> exits, List<ItemView> items,
                           List<NpcView> npcs, List<CreatureView> creatures) {
    }

    /** What goes into the key; records serialise in component order, facts with their kind. */
    private record Shape(String namespace, String stateVersion, Verb intent, boolean success, String outcome,
                         Facts facts, PlayerView player, LocationView location, List<String> recent,
                         String playerText, List<String> history, int maxTokens) {
    }

    private NarrationCacheKey() {
    }

    static String of(String namespace, NarrationRequest request, ObjectMapper json) {
        Shape shape = new Shape(namespace, stateVersion(request.location(), json), request.intent(), request.success(),
                request.outcome(), request.facts(),
                request.player(), request.location(), request.recent(), request.playerText(),
                request.history() == null ? List.of() : request.history(), request.maxTokens());
        return digest(shape, json);
    }

    /** The version of what {@code location} shows: equal views, equal versions; players present do not count. */
    static String stateVersion(LocationView location, ObjectMapper json) {
        if (location == null) {
            return "";
        }
        return digest(new Visible(location.id(), location.name(), location.description(), location.exits(),
                location.items(), location.npcs(), location.creatures()), json).substring(0, 16);
    }

    private static String digest(Object value, ObjectMapper json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("narration request is not serialisable", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
