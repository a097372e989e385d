package com.langomni.npc.health;

import com.langomni.api.llm.BackendStatus;
import com.langomni.npc.client.NpcReplicas;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the NPC model replicas as detail. Always up: with every replica ejected the retrieval dialog still
 * answers, so taking the service out of rotation would silence NPCs that can still speak.
 */
@Readiness
public class NpcReplicasReadiness implements HealthCheck {
    private final NpcReplicas replicas;

    public NpcReplicasReadiness(NpcReplicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("npc-replicas").up();
        long healthy = 0;
        for (BackendStatus s : replicas.statuses()) {
            response.withData(s.name(), (s.healthy() ? "in service " : "ejected ") + s.url());
            healthy += s.healthy() ? 1 : 0;
        }
        return response.withData("configured", replicas.all().size()).withData("healthy", healthy).build();
    }
}
