package com.langomni.simulator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.langomni.simulator.domain.EngineSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** GET /v1/models: the one served model, with vLLM's extra max_model_len. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    private final EngineSettings settings;
    private final long startedAt = System.currentTimeMillis() / 1000;

    public ModelsResource(EngineSettings settings) {
        this.settings = settings;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ModelCard(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
                            String root, String parent, @JsonProperty("max_model_len") int maxModelLen) {
    }

    public record ModelList(String object, List<ModelCard> data) {
    }

    @GET
    public ModelList models() {
        String name = settings.servedModelName();
        return new ModelList("list",
                List.of(new ModelCard(name, "model", startedAt, "vllm", name, null, settings.maxModelLen())));
    }
}
