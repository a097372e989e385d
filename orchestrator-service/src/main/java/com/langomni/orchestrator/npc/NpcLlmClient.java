package com.langomni.orchestrator.npc;

import com.langomni.api.llm.BackendStatus;
import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.api.npc.NpcReplyResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** NPC dialog. Guarded by a circuit breaker like every downstream call. */
@ApplicationScoped
public class NpcLlmClient {

    private final NpcLlmRestClient client;

    NpcLlmClient(@RestClient NpcLlmRestClient client) {
        this.client = client;
    }

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<NpcReplyResponse> reply(NpcReplyRequest request) {
        return client.reply(request);
    }

    /** What the NPC replicas are doing (admin); no breaker, the caller bounds the wait. */
    public Uni<List<BackendStatus>> backends() {
        return client.backends();
    }
}
