package com.langomni.llm.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One {@code chat.completion.chunk} of a streamed answer; the last one carries {@code usage} and no choices. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatChunk(String id, String model, List<Choice> choices, Usage usage) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delta(String role, String content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                        @JsonProperty("completion_tokens") int completionTokens) {
    }

    /** The text this chunk adds, "" when none. */
    public String text() {
        if (choices == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Choice choice : choices) {
            if (choice.delta() != null && choice.delta().content() != null) {
                text.append(choice.delta().content());
            }
        }
        return text.toString();
    }

    /** The finish reason of this chunk ({@code stop}, {@code length}), null until the last text chunk. */
    public String finishReason() {
        if (choices == null) {
            return null;
        }
        return choices.stream().map(Choice::finishReason).filter(r -> r != null).findFirst().orElse(null);
    }
}
