package com.langomni.orchestrator.intent;

import com.langomni.orchestrator.common.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The last thing each player referred to ("the rusty lantern", "pip"), for pronouns in their next actions: one
 * Redis key per player with a TTL ({@code langomni.intent.referent-ttl}), outside the rules, which stay pure. A
 * Redis failure only costs the pronoun: reading gives nothing, writing is skipped.
 */
@ApplicationScoped
public class Referents {

    private final ReactiveValueCommands<String, String> values;
    private final IntentConfig config;

    Referents(ReactiveRedisDataSource redis, IntentConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    public Uni<Optional<String>> last(String playerId) {
        return values.get(RedisKeys.referent(playerId)).map(Optional::ofNullable)
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("Referent of %s unreadable: %s", playerId, failure.toString());
                    return Optional.empty();
                });
    }

    public Uni<Void> remember(String playerId, String referent) {
        if (referent == null) {
            return Uni.createFrom().voidItem();
        }
        return values.set(RedisKeys.referent(playerId), referent, new SetArgs().px(config.referentTtl()))
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("Referent of %s not kept: %s", playerId, failure.toString());
                    return null;
                });
    }
}
