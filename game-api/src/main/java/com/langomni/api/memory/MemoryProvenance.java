package com.langomni.api.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an NPC's memory came from. A memory stored before provenance existed has none (null): readers treat a
 * conversation as {@link Source#TOLD told} and anything else as {@link Source#WITNESSED witnessed}.
 *
 * @param source     how the NPC came to know it
 * @param heardFrom  for {@link Source#HEARD heard}: the id of the NPC who told it (no prefix); null otherwise
 * @param hops       how many tellings away from a witness: 0 for what the NPC saw or was told by a player
 * @param locationId where the event happened (not where it was heard)
 * @param happenedAt when the event happened, epoch millis
 * @param eventId    the event's id, shared by every witness's and hearer's memory of it: an NPC learns one event
 *                   once; null for memories that are no news (conversations)
 * @param gist       the news as others may retell it, third person, e.g. "Ada killed the grey wolf at the Ford.";
 *                   null when it is not to be passed on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryProvenance(Source source, String heardFrom, int hops, String locationId, Long happenedAt,
                               String eventId, String gist) {

    /** How an NPC knows something. */
    public enum Source {
        /** It was there and saw it. */
        @JsonProperty("witnessed")
        WITNESSED,
        /** A player told it, in conversation. */
        @JsonProperty("told")
        TOLD,
        /** Another NPC passed it on (gossip). */
        @JsonProperty("heard")
        HEARD
    }

    public static MemoryProvenance witnessed(String locationId, long at, String eventId, String gist) {
        return new MemoryProvenance(Source.WITNESSED, null, 0, locationId, at, eventId, gist);
    }

    public static MemoryProvenance told(String locationId, long at) {
        return new MemoryProvenance(Source.TOLD, null, 0, locationId, at, null, null);
    }

    /** What {@code tellerId} passes on of this memory: one hop further, same event, place, time and gist. */
    public MemoryProvenance heardFrom(String tellerId) {
        return new MemoryProvenance(Source.HEARD, tellerId, hops + 1, locationId, happenedAt, eventId, gist);
    }
}
