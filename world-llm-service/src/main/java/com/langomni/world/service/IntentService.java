package com.langomni.world.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.intent.IntentProposal;
import com.langomni.api.intent.IntentProposalRequest;
import com.langomni.llm.openai.ChatRequest;
import com.langomni.world.client.WorldModelClient;
import com.langomni.world.config.WorldConfig;
import com.langomni.llm.intent.IntentPrompt;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Asks the world model which legal action the player's words meant, as structured output (json_schema with the
 * actions as an enum). Without a model it answers {@code none} from the rules; a model that fails, is slow or
 * answers something unusable fails the call (the orchestrator falls back), so a bad answer is never passed on.
 */
@ApplicationScoped
public class IntentService {

    private final WorldModelClient model;
    private final WorldConfig.Intent config;
    private final ObjectMapper json;
    /** The player's words reach no world prompt longer than narration lets them (prompt.player-text-chars). */
    private final int textLimit;

    IntentService(WorldModelClient model, WorldConfig config, ObjectMapper json) {
        this.model = model;
        this.config = config.intent();
        this.textLimit = Math.min(config.intent().maxTextChars(), config.prompt().playerTextChars());
        this.json = json;
    }

    public Uni<IntentProposal> propose(IntentProposalRequest request) {
        if (!model.configured()) {
            return Uni.createFrom().item(IntentProposal.none("rules"));
        }
        List<String> actions = request.actions().size() > config.maxActions()
                ? request.actions().subList(0, config.maxActions()) : request.actions();
        String text = request.text().length() > textLimit ? request.text().substring(0, textLimit) : request.text();
        return model.complete(IntentPrompt.messages(request.location(), actions, text), config.maxTokens(),
                        config.temperature(), ChatRequest.jsonSchema("intent", IntentPrompt.schema(actions)),
                        config.timeout(), config.timeout(), delta -> { })
                .map(completion -> new IntentProposal(IntentPrompt.read(parse(completion.text()), actions), "llm"))
                .invoke(proposal -> Log.debugf("Intent proposal for '%s': %s", text, proposal.action()));
    }

    private Map<?, ?> parse(String text) {
        try {
            return json.readValue(text.strip(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model's intent proposal is not JSON", e);
        }
    }
}
