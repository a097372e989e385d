package com.langomni.simulator.domain;

/** vLLM's max-model-len check, with vLLM's wording, and the completion budget of a request. */
public final class ContextWindow {
    private ContextWindow() {
    }

    /** The budget granted, or the 400 message vLLM would send. */
    public record Decision(int maxTokens, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * @param requested the request's max_tokens, or null. vLLM then grants the rest of the window; we grant
     *                  at most the profile's default so an omitted limit does not mean thousands of tokens.
     */
    public static Decision decide(int promptTokens, Integer requested, EngineSettings settings) {
        int window = settings.maxModelLen();
        if (requested == null) {
            if (promptTokens >= window) {
                return new Decision(0, ("This model's maximum context length is %d tokens. However, your request "
                        + "has %d input tokens. Please reduce the length of the input messages.")
                        .formatted(window, promptTokens));
            }
            return new Decision(Math.min(settings.defaultMaxTokens(), window - promptTokens), null);
        }
        if (requested < 1) {
            return new Decision(0, "max_tokens must be at least 1, got " + requested + ".");
        }
        if ((long) promptTokens + requested > window) {
            return new Decision(0, ("This model's maximum context length is %d tokens. However, you requested "
                    + "%d tokens (%d in the messages, %d in the completion). Please reduce the length of the "
                    + "messages or completion.").formatted(window, promptTokens + requested, promptTokens, requested));
        }
        return new Decision(requested, null);
    }
}
