package com.langomni.npc.health;

import com.langomni.npc.service.NpcReplyService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a reply backend is selected; the retrieval dialog needs nothing else to answer. */
@Readiness
public class DialogBackendReadiness implements HealthCheck {
    private final NpcReplyService replies;

    public DialogBackendReadiness(NpcReplyService replies) {
        this.replies = replies;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("npc-dialog").up().withData("backend", replies.backendName()).build();
    }
}
