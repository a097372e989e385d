package com.langomni.npc.config;

import com.langomni.npc.domain.AffinityKey;
import com.langomni.npc.domain.InsightLimits;
import com.langomni.npc.domain.InsightPrompts;
import com.langomni.npc.domain.MemoryRecall;
import com.langomni.npc.domain.NpcLineCleaner;
import com.langomni.npc.domain.NpcPromptBuilder;
import com.langomni.npc.domain.NpcVoice;
import com.langomni.npc.domain.PromptLimits;
import com.langomni.npc.domain.ReplicaRouter;
import com.langomni.npc.domain.RetrievalDialog;
import com.langomni.npc.domain.RoutingStrategy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The plain-Java dialog domain, configured once. */
public class DialogBeans {

    @Produces
    @Singleton
    RetrievalDialog retrievalDialog(NpcConfig config) {
        return new RetrievalDialog(config.ranking().semanticMinScore(), config.ranking().lexicalMinScore());
    }

    @Produces
    @Singleton
    MemoryRecall memoryRecall() {
        return new MemoryRecall();
    }

    @Produces
    @Singleton
    NpcVoice npcVoice() {
        return new NpcVoice();
    }

    @Produces
    @Singleton
    ReplicaRouter replicaRouter(NpcConfig config) {
        NpcConfig.Router r = config.router();
        ReplicaRouter router = new ReplicaRouter(RoutingStrategy.parse(r.strategy()), r.loadMargin(),
                r.loadMarginRatio(), r.kvWeight());
        router.affinityKey(AffinityKey.parse(r.affinityKey()));
        return router;
    }

    @Produces
    @Singleton
    NpcPromptBuilder npcPromptBuilder(NpcConfig config) {
        NpcConfig.Prompt p = config.prompt();
        return new NpcPromptBuilder(new PromptLimits(p.maxPersonaChars(), p.maxKnowledgeLines(),
                p.maxKnowledgeChars(), p.maxMemories(), p.maxConversationLines(), p.maxLineChars(),
                p.maxPlayerTextChars(), p.maxPromptChars()));
    }

    @Produces
    @Singleton
    NpcLineCleaner npcLineCleaner(NpcConfig config) {
        return new NpcLineCleaner(config.llm().maxReplyChars());
    }

    @Produces
    @Singleton
    InsightPrompts insightPrompts(NpcConfig config) {
        NpcConfig.Insight i = config.insight();
        return new InsightPrompts(new InsightLimits(i.maxMemoryChars(), i.maxPromptChars(), i.maxReflections(),
                i.maxInsightChars()));
    }
}
