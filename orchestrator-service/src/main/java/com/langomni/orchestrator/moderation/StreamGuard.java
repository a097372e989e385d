package com.langomni.orchestrator.moderation;

import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Sits between the narration's coalesced deltas and their publisher, so no flagged word reaches a player while the
 * model is still writing. Each coalesced chunk is checked with everything shown before it; only whole words are
 * sent (a word cut by the chunk's end waits for the next chunk, so "ass" + "ist" is never judged as "ass"). Once a
 * check flags the text, nothing more is sent: the player keeps what was shown so far, and the result that follows
 * carries the rules' text (the final text is checked again, {@link Moderation#output}). The trade-off: each chunk
 * waits for its check (a local list: microseconds; an endpoint: one call per chunk, sequential), and the last
 * partial word arrives with the next chunk or at {@link #finish()}.
 * <p>
 * The coalescer calls {@link #send} one chunk after another (its publishes are chained), never concurrently.
 */
public final class StreamGuard {

    private final Function<String, Uni<Verdict>> check;
    private final Function<String, Uni<Void>> publish;
    private final StringBuilder shown = new StringBuilder();
    private String pending = "";
    private volatile boolean stopped;

    StreamGuard(Function<String, Uni<Verdict>> check, Function<String, Uni<Void>> publish) {
        this.check = check;
        this.publish = publish;
    }

    /** Checks and publishes the whole words of {@code chunk} (with any word held back from the chunk before). */
    public synchronized Uni<Void> send(String chunk) {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        String text = pending + chunk;
        int cut = lastBoundary(text);
        if (cut <= 0) {
            pending = text;
            return Uni.createFrom().voidItem();
        }
        pending = text.substring(cut);
        return sendChecked(text.substring(0, cut));
    }

    /** The word held back at the end, checked with the rest; call once the last chunk went through {@link #send}. */
    public synchronized Uni<Void> finish() {
        if (stopped || pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rest = pending;
        pending = "";
        return sendChecked(rest);
    }

    /** Sends nothing more: the final text was flagged. */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    private Uni<Void> sendChecked(String words) {
        String candidate = shown + words;
        return check.apply(candidate).chain(verdict -> {
            synchronized (this) {
                if (verdict.flagged() || stopped) {
                    stopped = true;
                    return Uni.createFrom().voidItem();
                }
                shown.append(words);
            }
            return publish.apply(words);
        });
    }

    /** The index after the last whitespace in {@code text}, or 0 when it has none. */
    private static int lastBoundary(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }
}
