package com.langomni.npc.domain;

import com.langomni.api.npc.NpcReplyRequest;
import java.util.List;

/** Brann the smith's authored knowledge, used across the dialog tests. */
final class Knowledge {
    static final String SWORD = "A good sword is folded steel, quenched in oil, and never rushed.";
    static final String HERBS = "Marsh herbs like silverleaf stop bleeding if you chew them first.";
    static final String WOLVES = "Wolves hunt the north woods in packs; fire keeps them back.";
    static final String MINE = "The old mine closed when the deep tunnels flooded.";
    static final List<String> BRANN = List.of(SWORD, HERBS, WOLVES,
            "I shoe horses for the caravan masters every spring.", MINE,
            "My hammer was my father's, and his father's before him.",
            "Iron ore comes down from the hills on mule carts.");

    private Knowledge() {
    }

    static NpcReplyRequest ask(String topic, String playerText) {
        return new NpcReplyRequest("brann", "Brann", "A gruff smith.", BRANN, null, "p1", "Ada", topic, playerText,
                List.of(), List.of());
    }
}
