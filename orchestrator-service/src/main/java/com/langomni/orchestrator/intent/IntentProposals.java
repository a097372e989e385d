package com.langomni.orchestrator.intent;

import com.langomni.api.intent.IntentProposal;
import com.langomni.api.intent.IntentProposalRequest;
import com.langomni.orchestrator.common.Breakers;
import com.langomni.orchestrator.common.ServicesConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The intent proposer (world-llm-service or npc-llm-service, by {@code langomni.intent.proposer}), with the fault
 * tolerance of its calls: a circuit breaker ({@code intent-proposer},
 * {@code langomni.services.breaker.*}) and the step's deadline ({@code langomni.intent.deadline}) around it. It fails
 * rather than fall back: the fallback (suggestions) is {@link IntentResolver}'s.
 */
@ApplicationScoped
public class IntentProposals {

    private final IntentRestClient world;
    private final NpcIntentRestClient npc;
    private final IntentConfig config;
    private final TypedGuard<Uni<IntentProposal>> breaker;

    IntentProposals(@RestClient IntentRestClient world, @RestClient NpcIntentRestClient npc, IntentConfig config,
                    ServicesConfig services) {
        this.world = world;
        this.npc = npc;
        this.config = config;
        this.breaker = Breakers.breaker("intent-proposer", new TypeLiteral<Uni<IntentProposal>>() { },
                services.breaker());
    }

    public boolean enabled() {
        return config.proposer() != IntentConfig.Proposer.OFF;
    }

    public Uni<IntentProposal> propose(IntentProposalRequest request) {
        return breaker.get(() -> config.proposer() == IntentConfig.Proposer.NPC ? npc.propose(request)
                : world.propose(request)).ifNoItem().after(config.deadline()).fail();
    }
}
