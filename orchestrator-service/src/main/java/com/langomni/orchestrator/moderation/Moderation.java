package com.langomni.orchestrator.moderation;

import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.game.rules.Intent;
import com.langomni.support.error.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The moderation hook: checks text by the world's mode ({@link ModerationSettings}) and records what it flags
 * ({@link ModerationFlags}). Never fails and never lets a failure through unchecked: an endpoint that is down, slow
 * or behind an open breaker is replaced by the word list for that text (the word list is local and cannot be down),
 * and a flag that cannot be recorded is logged and the text still withheld.
 * <p>
 * Player text is checked where others would hear it or it would be kept ({@link #screen}: say, tell, talk, and free
 * text, which reaches the narrator's prompt); the other verbs' words are only matched against the world and echoed
 * to their author. Names are checked at registration ({@link #name}). Model output is checked before it is shown
 * ({@link #output}, {@link #guard}).
 */
@ApplicationScoped
public class Moderation {

    /** The flag source of replaced world narration and NPC replies. */
    public static final String NARRATION = "narration";
    public static final String NPC_REPLY = "npc_reply";
    /** The flag source of a name refused at registration. */
    public static final String NAME = "name";

    private static final Set<Verb> SCREENED = EnumSet.of(Verb.SAY, Verb.TELL, Verb.TALK, Verb.UNKNOWN,
            Verb.PSAY);

    private final ModerationSettings settings;
    private final ModerationEndpoint endpoint;
    private final ModerationFlags flags;
    private final WordList words;
    private final int storedChars;
    private final MeterRegistry registry;
    private final Counter fallbacks;

    Moderation(ModerationSettings settings, ModerationEndpoint endpoint, ModerationFlags flags,
               ModerationConfig config, MeterRegistry registry) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.flags = flags;
        this.words = new WordList(config.words(), config.patterns().orElse(java.util.List.of()));
        this.storedChars = config.storedChars();
        this.registry = registry;
        this.fallbacks = Counter.builder("langomni.moderation.fallbacks")
                .description("Endpoint checks that failed (down, slow, breaker open) and were made by the word list")
                .register(registry);
    }

    /** The verdict on {@code text} by the world's mode; never fails. */
    public Uni<Verdict> check(String text) {
        if (text == null || text.isBlank()) {
            return Uni.createFrom().item(Verdict.CLEAR);
        }
        return switch (settings.now()) {
            case OFF -> Uni.createFrom().item(Verdict.CLEAR);
            case WORDS -> Uni.createFrom().item(words.check(text));
            case ENDPOINT -> endpoint.check(text).onFailure().recoverWithItem(failure -> {
                fallbacks.increment();
                Log.debugf("Moderation endpoint failed, the word list decides: %s", failure.toString());
                return words.check(text).by(Verdict.FALLBACK);
            });
        };
    }

    /**
     * The intent as the rules may apply it: unchanged, or {@link Intent#withhold() withheld} (the rules refuse it;
     * its words go nowhere) when what the player wrote for others or the record is flagged; the flag is recorded.
     */
    public Uni<Intent> screen(String playerId, String actionId, Intent intent) {
        if (!SCREENED.contains(intent.verb())) {
            return Uni.createFrom().item(intent);
        }
        return check(intent.raw()).map(verdict -> {
            if (!verdict.flagged()) {
                return intent;
            }
            record(intent.verb().wire(), playerId, actionId, intent.raw(), verdict);
            return intent.withhold();
        });
    }

    /**
     * A name asked for at registration, which every player would read: fails with 400 when it is flagged (the flag
     * is recorded, with no player). Name characters are letters, digits, {@code _} and {@code -}, which the folding
     * reads as separators and look-alikes, so "kill_y0urself" is "kill yourself".
     */
    public Uni<Void> name(String name) {
        return check(name).invoke(verdict -> {
            if (verdict.flagged()) {
                record(NAME, null, null, name, verdict);
                throw ApiException.badRequest("name: not allowed here, choose another");
            }
        }).replaceWithVoid();
    }

    /** Whether model output may be shown; a flagged one is recorded (the caller shows the rules' text instead). */
    public Uni<Boolean> output(String source, String playerId, String actionId, String text) {
        return check(text).map(verdict -> {
            if (verdict.flagged()) {
                record(source, playerId, actionId, text, verdict);
            }
            return !verdict.flagged();
        });
    }

    /** A publisher of streamed deltas that shows only what passed the check ({@link StreamGuard}). */
    public StreamGuard guard(Function<String, Uni<Void>> send) {
        return new StreamGuard(this::check, send);
    }

    /**
     * Writes the flag in the background: the action never waits for it, nor continues on the pool's context. A flag
     * that cannot be written is logged; the text stays withheld or replaced.
     */
    private void record(String source, String playerId, String actionId, String text, Verdict verdict) {
        registry.counter("langomni.moderation.flags", "source", source, "checker", verdict.checker()).increment();
        String kept = text.length() > storedChars ? text.substring(0, storedChars) : text;
        flags.record(source, playerId, actionId, kept, verdict).subscribe().with(ignored -> { },
                failure -> Log.warnf("A moderation flag (%s of player %s) could not be recorded: %s", source,
                        playerId, failure.toString()));
    }

    /** Model output that was flagged: the narration falls back to the rules' text ({@code Narrator}). */
    public static final class Flagged extends RuntimeException {
        public Flagged(String source) {
            super("moderation flagged the " + source, null, false, false);
        }
    }
}
