package com.langomni.npc.domain;

import java.util.Locale;

/**
 * Where one request goes and why.
 *
 * @param index    position of the replica in the list the router was given
 * @param name     the replica's name
 * @param decision why this replica
 */
public record Route(int index, String name, Decision decision) {

    public enum Decision {
        /** The conversation's preferred replica (first healthy one in its rendezvous order). */
        AFFINITY,
        /** The preferred replica was too loaded; the least-loaded healthy one took the request instead. */
        DIVERTED,
        /** Round robin's next healthy replica. */
        ROUND_ROBIN;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
