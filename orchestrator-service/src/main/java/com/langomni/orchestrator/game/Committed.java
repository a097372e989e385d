package com.langomni.orchestrator.game;

import com.langomni.api.quest.QuestUpdate;
import com.langomni.orchestrator.game.rules.model.LocationState;
import com.langomni.orchestrator.game.rules.Outcome;
import com.langomni.orchestrator.game.state.PlayerSnapshot;
import java.util.List;

/**
 * A committed action.
 *
 * @param before  the player's state it started from
 * @param after   the player's state after it (same as before when nothing changed)
 * @param outcome what the rules decided
 * @param current the state of the location the player is in now (for the view sent back)
 * @param rulesNanos how long the rules engine took to decide (inside the transaction; for the stage metrics)
 * @param quests  what the action did to the player's quests, in order (told after the narration)
 */
public record Committed(PlayerSnapshot before, PlayerSnapshot after, Outcome outcome, LocationState current,
                        long rulesNanos, List<QuestUpdate> quests) {

    public Committed {
        quests = quests == null ? List.of() : List.copyOf(quests);
    }

    public Committed(PlayerSnapshot before, PlayerSnapshot after, Outcome outcome, LocationState current,
                     long rulesNanos) {
        this(before, after, outcome, current, rulesNanos, List.of());
    }

    public boolean moved() {
        return !before.state().locationId().equals(after.state().locationId());
    }

    public boolean playerChanged() {
        return after.version() != before.version();
    }
}
