package com.langomni.orchestrator.memory;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.langomni.orchestrator.common.LuaScript;

/**
 * Deletes the consumers of a stream's group that are gone: idle past a threshold with nothing pending. The check
 * and the delete are one Lua script, so a consumer that read an entry in between is never deleted with it (that
 * would drop the entry from the group's pending list for good). Entries a dead consumer still holds are first
 * taken over by a live one (XAUTOCLAIM in {@link MemoryDelivery}); it is deleted on a later sweep.
 */
@ApplicationScoped
class DeadConsumers {

    /** KEYS[1] stream; ARGV group, the caller's own name (never deleted), idle threshold in ms. */
    private static final LuaScript SWEEP = new LuaScript("""
            local gone = {}
            for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local info = {}
              for i = 1, #c, 2 do info[c[i]] = c[i + 1] end
              if info['name'] ~= ARGV[2] and info['pending'] == 0 and info['idle'] > tonumber(ARGV[3]) then
                redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
                table.insert(gone, info['name'])
              end
            end
            return gone
            """);

    private final ReactiveRedisDataSource redis;

    DeadConsumers(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Deletes the dead consumers of {@code group} on {@code stream} other than {@code self}; their names. */
    List<String> sweep(String stream, String group, String self, Duration idle, Duration timeout) {
        Response gone = SWEEP.run(redis, List.of(stream), group, self, Long.toString(idle.toMillis()))
                .await().atMost(timeout);
        List<String> names = new ArrayList<>();
        if (gone != null) {
            gone.forEach(name -> names.add(name.toString()));
        }
        return names;
    }
}
