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
import com.langomni.words.PlayerWords;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache key of a world narration: a digest of everything in the request but the action id, so whatever
 * reaches the model is in the key and a cached text is never served where it would be untrue. Only a
 * {@link #shareable} request has a key: one that carries no player's words at all (no actor, no players present, no
 * recent events, no history, nothing typed, no {@link PlayerWords} among its facts such as the name in "examine me"),
 * so a cached narration can never quote one player to another, whatever the model makes of its prompt. Place
 * narrations are asked that way ({@link WorldNarration}), so for them the key comes down to the place's visible
 * state version and the rules' outcome: two players looking at an unchanged square share one entry. The state
 * version is a digest of what the place shows (exits, items, NPCs, creatures and their wounds): a change there makes
 * a new key and the old entry is never served again, invalidation by state, with the TTL only reclaiming memory. The
 * namespace stands for what the request does not carry: the model and the prompt.
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

    /**
     * Whether a narration of {@code request} may be shared with other players through the cache: nothing in it was
     * written by a player. World-pack text (place, items, NPCs, creatures) and the rules' own sentence are not.
     */
    static boolean shareable(NarrationRequest request) {
        LocationView l = request.location();
        return request.player() == null
                && (l == null || l.players() == null || l.players().isEmpty())
                && (request.recent() == null || request.recent().isEmpty())
                && (request.playerText() == null || request.playerText().isEmpty())
                && (request.history() == null || request.history().isEmpty())
                && PlayerWords.of(request.facts()).isEmpty();
    }

    /**
     * The key of a {@link #shareable} request.
     *
     * @throws IllegalArgumentException for a request that carries a player's words: it is never cached
     */
    static String of(String namespace, NarrationRequest request, ObjectMapper json) {
        if (!shareable(request)) {
            throw new IllegalArgumentException("a narration that carries a player's words is never cached");
        }
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
