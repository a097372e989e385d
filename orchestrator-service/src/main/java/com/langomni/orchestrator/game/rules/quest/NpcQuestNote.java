package com.langomni.orchestrator.game.rules.quest;

import com.langomni.api.quest.QuestEntry;
import java.util.List;

/**
 * What an NPC is to know of a player's quest with it, as data (game-words {@code QuestText} words it for the NPC's
 * reply request).
 *
 * @param giver   the NPC gave (or gives) the quest; false when only the current step is about it
 * @param missing for {@link Kind#NOT_READY}: the names of the prerequisites still to complete
 */
public record NpcQuestNote(Kind kind, QuestEntry quest, boolean giver, List<String> missing) {

    public enum Kind {
        /** The player has just accepted this quest from the NPC. */
        ACCEPTED,
        /** The player holds the quest (active or done). */
        HOLDS,
        /** The NPC gives it, but the player has not completed its prerequisites. */
        NOT_READY
    }

    public NpcQuestNote {
        missing = List.copyOf(missing);
    }
}
