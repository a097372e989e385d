package com.langomni.world.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.langomni.api.game.CreatureView;
import com.langomni.api.game.ExitView;
import com.langomni.api.game.ItemView;
import com.langomni.api.game.LocationView;
import com.langomni.api.game.NpcView;
import com.langomni.api.game.PlayerRef;
import com.langomni.api.game.PlayerView;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Verb;
import java.util.List;

/** Narration request bodies for the HTTP tests. */
final class Narrations {
    static final LocationView FORGE = new LocationView("forge", "the Forge", "A hot, loud place.",
            List.of(new ExitView("north", "square", "Market Square", false)),
            List.of(new ItemView("sword", "rusty sword")), List.of(new NpcView("brann", "Brann", "smith")),
            List.of(new CreatureView("wolf", "grey wolf", 8, 10, true)), List.of(new PlayerRef("p1", "Ada")));
    static final PlayerView ADA = new PlayerView("p1", "Ada", "forge", 20, 20, List.of());

    private Narrations() {
    }

    static String take(String playerText, List<String> recent) {
        return take(playerText, recent, List.of());
    }

    static String take(String playerText, List<String> recent, List<String> history) {
        return json(new NarrationRequest("a1", Verb.TAKE, true, "You take the rusty sword.",
                new Facts.Taken("sword", "rusty sword"), ADA, FORGE, recent, playerText, history));
    }

    static String take() {
        return take("take the sword", List.of("Bob arrives."));
    }

    /** A take with its answer length and priority ({@code NarrationRequest.HIGH} or {@code NORMAL}). */
    static String take(int maxTokens, String priority) {
        return json(new NarrationRequest("a1", Verb.TAKE, true, "You take the rusty sword.",
                new Facts.Taken("sword", "rusty sword"), ADA, FORGE, List.of("Bob arrives."),
                "take the sword", List.of(), maxTokens, priority));
    }

    static String json(Object value) {
        try {
            return Sse.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
