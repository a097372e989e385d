package com.langomni.orchestrator.npc;

import com.langomni.words.OutcomeText;

import com.langomni.api.npc.NpcReplyRequest;
import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.NpcTalk;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.narration.NarrationConfig;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import com.langomni.orchestrator.admin.metering.TokenMeter;
import com.langomni.orchestrator.narration.Narration;
import com.langomni.orchestrator.narration.NarrationContext;
import com.langomni.orchestrator.moderation.Moderation;

/**
 * An NPC's reply through npc-llm-service, with what the NPC remembers of the player and the conversation so far.
 * Not streamed: NPC lines are short. Recall and reply carry their deadlines in their clients ({@link NpcLlmClient},
 * {@code MemoryClient}); the whole dialog (recall, the conversation read, the reply) is bounded by
 * {@code langomni.narration.npc-timeout-ms} too, as one reply budget. A failed or late reply fails this, and the
 * narration falls back to the NPC's authored answer.
 */
@ApplicationScoped
public class NpcDialog {

    private final NpcLlmClient npcLlm;
    private final NpcMemory memory;
    private final NpcConversations conversations;
    private final World world;
    private final TokenMeter tokens;
    private final Duration budget;
    private final Moderation moderation;

    NpcDialog(NpcLlmClient npcLlm, NpcMemory memory, NpcConversations conversations, World world, TokenMeter tokens,
              NarrationConfig config, Moderation moderation) {
        this.moderation = moderation;
        this.budget = Duration.ofMillis(config.npcTimeoutMs());
        this.npcLlm = npcLlm;
        this.memory = memory;
        this.conversations = conversations;
        this.world = world;
        this.tokens = tokens;
    }

    public Uni<Narration> voice(NarrationContext context, NpcTalk talk) {
        Npc npc = world.npc(talk.npcId())
                .orElseThrow(() -> new IllegalStateException("unknown NPC " + talk.npcId()));
        var player = context.player();
        // The player's name steers recall toward what this NPC remembers of this player.
        String query = player.name() + " " + firstNonBlank(talk.topic(), talk.said(), context.playerText());
        return Uni.combine().all().unis(memory.recall(npc.id(), player.id(), query), conversations.recent(npc.id(), player.id()))
                .asTuple()
                .chain(known -> npcLlm.reply(new NpcReplyRequest(npc.id(), npc.name(), npc.persona(),
                        npc.knowledge(), npc.greeting(), player.id(), player.name(), talk.topic(), talk.said(),
                        known.getItem1(), known.getItem2(), talk.facts())))
                // whatever the source: an answer npc-llm could not use still cost the tokens it reports
                .invoke(reply -> tokens.record(TokenMeter.NPC, player.id(), npc.id(), reply == null ? null : reply.usage()))
                .map(reply -> {
                    if (reply == null || reply.text() == null || reply.text().isBlank()) {
                        throw new IllegalStateException("npc-llm-service returned no text");
                    }
                    String text = NpcSpeech.format(OutcomeText.of(context.outcome().facts()), npc.name(), reply.text());
                    return new Narration(text, reply.source(), reply.text().strip());
                })
                .call(narration -> moderated(context, narration))
                .ifNoItem().after(budget).fail();
    }

    /** A model's line that moderation flags fails the reply: the narration falls back to the NPC's authored one. */
    private Uni<Void> moderated(NarrationContext context, Narration narration) {
        if (!Narration.SOURCE_LLM.equals(narration.source())) {
            return Uni.createFrom().voidItem();
        }
        return moderation.output(Moderation.NPC_REPLY, context.player().id(), context.actionId(), narration.npcLine())
                .invoke(ok -> {
                    if (!ok) {
                        throw new Moderation.Flagged(Moderation.NPC_REPLY);
                    }
                }).replaceWithVoid();
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
