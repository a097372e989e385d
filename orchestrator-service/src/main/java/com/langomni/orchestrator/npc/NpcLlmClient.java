package com.langomni.orchestrator.npc;

import com.langomni.api.llm.BackendStatus;
import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import com.langomni.orchestrator.common.Breakers;
import com.langomni.orchestrator.common.ServicesConfig;
import com.langomni.orchestrator.narration.NarrationConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * NPC dialog, with the fault tolerance of its calls: a circuit breaker ({@code langomni.services.breaker.*}) and
 * the reply's deadline ({@code langomni.narration.npc-timeout-ms}), applied around the breaker: a slow reply is
 * given up on, not counted against the service. It fails rather than fall back: the one fallback is the
 * narration's ({@code Narrator}: the NPC's authored answer).
 */
@ApplicationScoped
public class NpcLlmClient {

    private final NpcLlmRestClient client;
    private final Duration timeout;
    private final TypedGuard<Uni<NpcReplyResponse>> breaker;

    NpcLlmClient(@RestClient NpcLlmRestClient client, NarrationConfig narration, ServicesConfig services) {
        this.client = client;
        this.timeout = Duration.ofMillis(narration.npcTimeoutMs());
        this.breaker = Breakers.breaker("npc-llm", new TypeLiteral<Uni<NpcReplyResponse>>() { }, services.breaker());
    }

    public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
        return breaker.get(() -> client.reply(request)).ifNoItem().after(timeout).fail();
    }

    /** What the NPC replicas are doing (admin); no breaker, the caller bounds the wait. */
    public Uni<List<BackendStatus>> backends() {
        return client.backends();
    }
}
