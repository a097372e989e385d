package com.langomni.simulator.domain;

/**
 * Receives one sequence's output. Called on the thread that advances the engine, never while the engine
 * is locked, so an implementation may call {@link Engine#abort}; it must not block.
 */
@FunctionalInterface
public interface GenerationListener {

    /** One generated token; the last one carries why the sequence ended. An aborted sequence gets no last. */
    void onToken(Token token);

    /**
     * @param text   what the client appends to the text so far
     * @param index  0 for the first token
     * @param finish null until the last token
     * @param usage  null until the last token
     */
    record Token(String text, int index, FinishReason finish, Usage usage) {
        public boolean last() {
            return finish != null;
        }
    }
}
