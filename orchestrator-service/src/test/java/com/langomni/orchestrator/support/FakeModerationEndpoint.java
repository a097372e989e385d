package com.langomni.orchestrator.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible moderation endpoint ({@code POST /v1/moderations}) as the llm-simulator serves it: flags an
 * input containing {@link #FLAGGED} (category harassment). Served by the test application under
 * {@code /fake-moderation} ({@link LlmServicesProfile}) so tests make it fail or hang.
 */
@ApplicationScoped
public class FakeModerationEndpoint {

    public static final String PATH = "/fake-moderation";
    /** The word only the endpoint flags (the word list does not know it). */
    public static final String FLAGGED = "flagme";

    public enum Mode {
        /** Answers at once. */
        ANSWER,
        /** HTTP 500 at once. */
        ERROR,
        /** Never answers. */
        HANG
    }

    private final ObjectMapper json;
    private final List<String> inputs = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;

    FakeModerationEndpoint(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.post(PATH + "/v1/moderations").handler(BodyHandler.create()).handler(this::moderate);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void reset() {
        mode = Mode.ANSWER;
        inputs.clear();
    }

    /** The inputs asked about, in order. */
    public List<String> inputs() {
        return List.copyOf(inputs);
    }

    private void moderate(RoutingContext ctx) {
        JsonNode request;
        try {
            request = json.readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            ctx.response().setStatusCode(400).end();
            return;
        }
        String input = request.path("input").asText();
        inputs.add(input);
        switch (mode) {
            case HANG -> { }
            case ERROR -> ctx.response().setStatusCode(500).end("{\"error\":\"fake failure\"}");
            case ANSWER -> {
                boolean flagged = input.toLowerCase(Locale.ROOT).contains(FLAGGED);
                Map<String, Object> result = Map.of("flagged", flagged,
                        "categories", Map.of("harassment", flagged, "violence", false));
                ctx.response().putHeader("Content-Type", "application/json")
                        .end(write(Map.of("id", "modr-1", "model", "fake", "results", List.of(result))));
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
