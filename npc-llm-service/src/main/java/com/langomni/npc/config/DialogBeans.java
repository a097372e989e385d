package com.langomni.npc.config;

import com.langomni.npc.domain.NpcVoice;
import com.langomni.npc.domain.RetrievalDialog;
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
    NpcVoice npcVoice() {
        return new NpcVoice();
    }
}
