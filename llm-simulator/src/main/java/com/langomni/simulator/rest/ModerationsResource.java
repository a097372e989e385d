package com.langomni.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.langomni.simulator.config.SimConfig;
import com.langomni.simulator.domain.Fault;
import com.langomni.simulator.service.FaultInjector;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * POST /v1/moderations in OpenAI's shape: {@code {"input": "..." | ["...", ...], "model": "..."}} answers one result
 * per input, flagged (category {@code harassment}) when {@code sim.moderation-pattern} finds it. The injected faults
 * apply: an error is a 500, a hang is never answered (stall and crash, which need a stream, are served normally).
 */
@Path("/v1/moderations")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationsResource {

    static final String CATEGORY = "harassment";

    private final Pattern flagged;
    private final FaultInjector faults;

    public ModerationsResource(SimConfig config, FaultInjector faults) {
        this.flagged = Pattern.compile(config.moderationPattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.faults = faults;
    }

    public record Result(boolean flagged, Map<String, Boolean> categories,
                         @com.fasterxml.jackson.annotation.JsonProperty("category_scores")
                         Map<String, Double> categoryScores) {
    }

    public record Moderation(String id, String model, List<Result> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Moderation> moderate(JsonNode body) {
        List<String> inputs = inputs(body);
        Fault fault = faults.draw(faults.plan());
        if (fault == Fault.ERROR) {
            throw new VllmRefusal(500, "injected fault");
        }
        if (fault == Fault.HANG) {
            return Uni.createFrom().nothing();
        }
        String model = body.path("model").isTextual() ? body.path("model").asText() : "sim-moderation";
        List<Result> results = inputs.stream().map(this::result).toList();
        return Uni.createFrom().item(new Moderation("modr-" + UUID.randomUUID(), model, results));
    }

    private Result result(String input) {
        boolean hit = flagged.matcher(input).find();
        Map<String, Boolean> categories = new LinkedHashMap<>();
        categories.put(CATEGORY, hit);
        categories.put("violence", false);
        return new Result(hit, categories, Map.of(CATEGORY, hit ? 0.99 : 0.01, "violence", 0.01));
    }

    private static List<String> inputs(JsonNode body) {
        JsonNode input = body == null ? null : body.get("input");
        List<String> texts = new ArrayList<>();
        if (input != null && input.isTextual()) {
            texts.add(input.asText());
        } else if (input != null && input.isArray()) {
            input.forEach(item -> {
                if (!item.isTextual()) {
                    throw new VllmRefusal(400, "input must be a string or an array of strings");
                }
                texts.add(item.asText());
            });
        }
        if (texts.isEmpty()) {
            throw new VllmRefusal(400, "input must be a non-empty string or array of strings");
        }
        return texts;
    }
}
