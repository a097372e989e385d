package com.langomni.llm.intent;

import com.langomni.llm.openai.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt and the JSON schema of an intent proposal. The schema's {@code action} is an enum of the legal actions
 * and {@code none}, so a server with guided decoding can answer nothing else; the answer is still checked
 * ({@link #read}) because not every server enforces a schema. The player's words are the last user message alone.
 * Shared by world-llm-service and npc-llm-service, whichever the orchestrator asks ({@code langomni.intent.proposer}).
 */
public final class IntentPrompt {

    /** The answer for words that match no action (game-api's {@code IntentProposal.NONE}). */
    public static final String NONE = "none";

    private IntentPrompt() {
    }

    public static List<ChatMessage> messages(String location, List<String> actions, String text) {
        StringBuilder system = new StringBuilder()
                .append("You map what a player of a text adventure typed to exactly one of the actions they can take ")
                .append("now. Answer with JSON {\"action\": ...} naming one action from the list exactly as written, ")
                .append("or \"none\" when no action matches what they meant. Never invent an action.\n");
        if (location != null && !location.isBlank()) {
            system.append("The player is in: ").append(location).append('\n');
        }
        system.append("Actions:\n");
        actions.forEach(action -> system.append("- ").append(action).append('\n'));
        return List.of(ChatMessage.system(system.toString()), ChatMessage.user(text));
    }

    /** {@code {"type":"object","properties":{"action":{"type":"string","enum":[...actions, "none"]}}, ...}}. */
    public static Map<String, Object> schema(List<String> actions) {
        List<String> options = new ArrayList<>(actions);
        options.add(NONE);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "string");
        action.put("enum", options);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("action", action));
        schema.put("required", List.of("action"));
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The action named by the model's JSON answer when it is one of {@code actions}; else {@code none}. */
    public static String read(Map<?, ?> answer, List<String> actions) {
        Object action = answer == null ? null : answer.get("action");
        return action instanceof String picked && actions.contains(picked) ? picked : NONE;
    }
}
