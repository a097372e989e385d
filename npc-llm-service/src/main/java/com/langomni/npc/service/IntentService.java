package com.langomni.npc.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.intent.IntentProposal;
import com.langomni.api.intent.IntentProposalRequest;
import com.langomni.llm.intent.IntentPrompt;
import com.langomni.llm.openai.ChatChunk;
import com.langomni.llm.openai.ChatRequest;
import com.langomni.npc.client.NpcReplica;
import com.langomni.npc.client.NpcReplicas;
import com.langomni.npc.config.NpcConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks an NPC replica (the first healthy one, in configured order) which legal action the player's words meant, as
 * structured output (json_schema with the actions as an enum); {@code none} from the rules when no replica is
 * configured. A replica that fails, is slow or answers unusably fails the call: the orchestrator falls back.
 */
@ApplicationScoped
public class IntentService {

    private final NpcReplicas replicas;
    private final NpcConfig.Intent config;
    private final ObjectMapper json;

    IntentService(NpcReplicas replicas, NpcConfig config, ObjectMapper json) {
        this.replicas = replicas;
        this.config = config.intent();
        this.json = json;
    }

    public Uni<IntentProposal> propose(IntentProposalRequest request) {
        if (!replicas.configured() || replicas.all().isEmpty()) {
            return Uni.createFrom().item(IntentProposal.none("rules"));
        }
        NpcReplica replica = replicas.all().stream().filter(r -> r.monitor().healthy()).findFirst()
                .orElse(replicas.get(0));
        List<String> actions = request.actions().size() > config.maxActions()
                ? request.actions().subList(0, config.maxActions()) : request.actions();
        String text = request.text().length() > config.maxTextChars()
                ? request.text().substring(0, config.maxTextChars()) : request.text();
        Duration timeout = Duration.ofMillis(config.timeoutMs());
        return replica.model(timeout)
                .chain(model -> replica.stream(ChatRequest.streaming(model,
                                        IntentPrompt.messages(request.location(), actions, text), config.maxTokens(),
                                        config.temperature(), null)
                                .withResponseFormat(ChatRequest.jsonSchema("intent", IntentPrompt.schema(actions))))
                        .map(ChatChunk::text)
                        .collect().with(Collectors.joining()))
                .ifNoItem().after(timeout).fail()
                .map(answer -> new IntentProposal(IntentPrompt.read(parse(answer), actions), "llm"));
    }

    private Map<?, ?> parse(String text) {
        try {
            return json.readValue(text.strip(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model's intent proposal is not JSON", e);
        }
    }
}
