package com.langomni.llm.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v1/models}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelList(List<Model> data) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Model(String id) {
    }
}
