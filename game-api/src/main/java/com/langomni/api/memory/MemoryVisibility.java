package com.langomni.api.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who an NPC's memory may be recalled for. A memory about player P that P alone saw or said (a conversation, P's
 * own history) is {@link #PRIVATE}: recalled only in conversations with P. One that others witnessed (an act at the
 * NPC's location) is {@link #PUBLIC}: recalled for every player. A memory written without one, or stored before
 * this field existed, is {@link #PRIVATE} to its subject; one with no subject is then recalled for no player (only
 * by an unscoped search: the admin panel).
 */
public enum MemoryVisibility {
    @JsonProperty("public")
    PUBLIC,
    @JsonProperty("private")
    PRIVATE;

    /** A missing visibility is private: the safe default for text that may hold a player's words. */
    public static MemoryVisibility orPrivate(MemoryVisibility v) {
        return v == null ? PRIVATE : v;
    }
}
