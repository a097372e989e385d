package com.langomni.world.service;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.narration.NarrationResponse;
import io.smallrye.mutiny.Uni;

/**
 * Something that turns a rules outcome into prose. Implementations are CDI beans; {@code langomni.world.backend}
 * picks one by {@link #name()}. A backend that can fail (a remote model) falls back to the rule narrator itself,
 * so callers always get text.
 */
public interface NarrationBackend {

    /** The configuration name of this backend, e.g. {@code rules}. */
    String name();

    Uni<NarrationResponse> narrate(NarrationRequest request);
}
