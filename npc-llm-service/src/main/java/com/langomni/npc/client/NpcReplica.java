package com.langomni.npc.client;

import com.langomni.llm.backend.BackendMonitor;
import com.langomni.llm.backend.BackendProbe;
import com.langomni.llm.openai.ChatChunk;
import com.langomni.llm.openai.ChatRequest;
import com.langomni.llm.openai.ModelList;
import com.langomni.llm.openai.OpenAiClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/**
 * One NPC model replica: its streaming client, what we know of its health and load, and its probe. Requests go
 * through {@code LlmLineGenerator}, which accounts every one on {@link #monitor()}.
 */
public final class NpcReplica {
    private final String name;
    private final OpenAiClient client;
    private final BackendMonitor monitor;
    private final BackendProbe probe;
    private final String configuredModel;
    private volatile String discoveredModel;

    NpcReplica(String name, OpenAiClient client, BackendMonitor monitor, BackendProbe probe,
               Optional<String> configuredModel) {
        this.name = name;
        this.client = client;
        this.monitor = monitor;
        this.probe = probe;
        this.configuredModel = configuredModel.filter(m -> !m.isBlank()).orElse(null);
    }

    public String name() {
        return name;
    }

    public BackendMonitor monitor() {
        return monitor;
    }

    public Multi<ChatChunk> stream(ChatRequest request) {
        return client.stream(request);
    }

    /**
     * The model to request: the configured one, else the first the replica lists at /v1/models (asked until one
     * answer arrives, then remembered). Null when it cannot be learnt: single-model servers such as vLLM then
     * serve their own.
     */
    public Uni<String> model(Duration timeout) {
        if (configuredModel != null) {
            return Uni.createFrom().item(configuredModel);
        }
        String known = discoveredModel;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return client.models()
                .ifNoItem().after(timeout).fail()
                .map(NpcReplica::firstId)
                .invoke(id -> discoveredModel = id)
                .onFailure().recoverWithNull();
    }

    Uni<Void> probe() {
        return probe.probe();
    }

    private static String firstId(ModelList models) {
        return models == null || models.data() == null || models.data().isEmpty() ? null : models.data().get(0).id();
    }
}
