package com.langomni.orchestrator.service;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.orchestrator.client.NpcLlmClient;
import com.langomni.orchestrator.client.WorldLlmClient;
import com.langomni.orchestrator.domain.Npc;
import com.langomni.orchestrator.domain.NpcTalk;
import com.langomni.orchestrator.domain.World;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Puts an outcome the rules already decided into words: world-llm-service for the world, npc-llm-service when
 * an NPC was addressed. Owns the latency budget: past the timeout (langomni.narration.timeout-ms) or on any
 * failure the rules' own text is used, so narration can slow an action down but never fail it.
 */
@ApplicationScoped
public class Narrator {

    private final WorldLlmClient worldNarrator;
    private final NpcLlmClient npcDialog;
    private final NpcMemory memory;
    private final World world;

    Narrator(WorldLlmClient worldNarrator, NpcLlmClient npcDialog, NpcMemory memory, World world) {
        this.worldNarrator = worldNarrator;
        this.npcDialog = npcDialog;
        this.memory = memory;
        this.world = world;
    }

    @Timeout(1500)
    @Fallback(fallbackMethod = "byRules")
    public Uni<Narration> narrate(NarrationContext context) {
        NpcTalk talk = context.outcome().npcTalk();
        return talk == null ? narrateWorld(context) : voiceNpc(context, talk);
    }

    Uni<Narration> byRules(NarrationContext context, Throwable failure) {
        Log.debugf("Narration of %s fell back to the rules: %s", context.actionId(), failure.toString());
        return Uni.createFrom().item(RulesNarration.of(context.outcome()));
    }

    private Uni<Narration> narrateWorld(NarrationContext context) {
        var outcome = context.outcome();
        NarrationRequest request = new NarrationRequest(context.actionId(),
                outcome.verb().name().toLowerCase(Locale.ROOT), outcome.success(), outcome.message(),
                outcome.facts(), context.player(), context.location(), context.recent(), context.playerText());
        return worldNarrator.narrate(request)
                .map(response -> {
                    if (response == null || response.text() == null || response.text().isBlank()) {
                        throw new IllegalStateException("world-llm-service returned no text");
                    }
                    return new Narration(response.text(), response.source(), null);
                });
    }

    private Uni<Narration> voiceNpc(NarrationContext context, NpcTalk talk) {
        Npc npc = world.npc(talk.npcId())
                .orElseThrow(() -> new IllegalStateException("unknown NPC " + talk.npcId()));
        // The player's name steers recall toward what this NPC remembers of this player.
        String query = context.player().name() + " " + firstNonBlank(talk.topic(), talk.said(), context.playerText());
        return memory.recall(npc.id(), query)
                .chain(memories -> npcDialog.reply(new NpcReplyRequest(npc.id(), npc.name(), npc.persona(),
                        npc.knowledge(), npc.greeting(), context.player().id(), context.player().name(), talk.topic(), talk.said(),
                        memories)))
                .map(reply -> {
                    if (reply == null || reply.text() == null || reply.text().isBlank()) {
                        throw new IllegalStateException("npc-llm-service returned no text");
                    }
                    String text = NpcSpeech.format(context.outcome().message(), npc.name(), reply.text());
                    return new Narration(text, reply.source(), reply.text().strip());
                });
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
