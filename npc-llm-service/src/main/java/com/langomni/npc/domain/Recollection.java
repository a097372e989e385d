package com.langomni.npc.domain;

/**
 * Something the player once said to an NPC, found in the NPC's memories because it bears on what the player says
 * now.
 *
 * @param kind  what the player did: told the NPC something, or asked it about something
 * @param words what was told, already turned to the player ("your sister is Mira"), or the topic asked about
 * @param cued  the player asked the NPC to remember ("do you remember ...?"): the recollection comes before the
 *              NPC's knowledge
 */
public record Recollection(Kind kind, String words, boolean cued) {

    public enum Kind {
        TOLD, ASKED
    }
}
