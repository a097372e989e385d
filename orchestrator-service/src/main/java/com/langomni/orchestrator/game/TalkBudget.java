package com.langomni.orchestrator.game;

import com.langomni.api.outcome.Verb;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.common.WindowCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The per-player NPC-conversation budget ({@code langomni.game.talk-budget.*}), cluster-wide in Redis. Asked before
 * the rules run (they refuse a talk past it, {@code TALKED_OUT}); only a conversation that happened is counted, after
 * its commit, so a refused or repeated action costs nothing. The player's lock makes ask-then-count one step per
 * player. Redis failing here lets the talk through: the action itself needs Redis (rate limit, lock, state) and has
 * just had it, and the LLM metering budgets still bound the spend.
 */
@ApplicationScoped
public class TalkBudget {

    private final WindowCounter windows;
    private final GameConfig.TalkBudget config;
    private final Counter refused;

    TalkBudget(WindowCounter windows, GameConfig config, MeterRegistry registry) {
        this.windows = windows;
        this.config = config.talkBudget();
        this.refused = Counter.builder("langomni.talks.refused")
                .description("NPC conversations refused because the player's conversation budget was spent")
                .register(registry);
    }

    /** Whether an action of {@code verb} may talk to an NPC now; true without asking for any other verb. */
    public Uni<Boolean> allows(String playerId, Verb verb) {
        if (verb != Verb.TALK && verb != Verb.TELL) {
            return Uni.createFrom().item(true);
        }
        return windows.peek(RedisKeys.talks(playerId))
                .map(count -> count.hits() < config.talks())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Talk budget of %s unreadable, the talk goes ahead: %s", playerId, failure.toString());
                    return true;
                });
    }

    /** Counts one conversation of the player. */
    public Uni<Void> spend(String playerId) {
        return windows.hit(RedisKeys.talks(playerId), config.window()).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Talk of %s not counted: %s", playerId, failure.toString());
                    return null;
                });
    }

    /** A talk the rules refused for the budget. */
    public void refused() {
        refused.increment();
    }
}
