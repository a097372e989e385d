package com.langomni.npc.service;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import io.smallrye.mutiny.Uni;

/**
 * Something that voices an NPC. Implementations are CDI beans; {@code langomni.npc.backend} picks one by
 * {@link #name()}. A backend that can fail (remote model replicas) falls back to the retrieval dialog itself,
 * so callers always get a line.
 */
public interface NpcReplyBackend {

    /** The configuration name of this backend, e.g. {@code rules}. */
    String name();

    Uni<NpcReplyResponse> reply(NpcReplyRequest request);
}
