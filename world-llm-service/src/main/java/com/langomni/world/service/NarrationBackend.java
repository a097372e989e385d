package com.langomni.world.service;

import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import io.smallrye.mutiny.Multi;

/**
 * Something that turns a rules outcome into prose. Implementations are CDI beans; {@code langomni.world.backend}
 * picks one by {@link #name()}. A backend that can fail (a remote model) falls back to the rule narrator itself,
 * so callers always get text.
 */
public interface NarrationBackend {

    /** The configuration name of this backend, e.g. {@code rules}. */
    String name();

    /**
     * The narration as it is written: zero or more {@link NarrationChunk#delta deltas}, then exactly one final
     * chunk whose text is the whole narration. Never fails.
     */
    Multi<NarrationChunk> stream(NarrationRequest request);
}
