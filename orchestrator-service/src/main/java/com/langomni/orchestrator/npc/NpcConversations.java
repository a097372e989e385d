package com.langomni.orchestrator.npc;

import com.langomni.orchestrator.narration.NarrationConfig;
import com.langomni.orchestrator.game.rules.NpcTalk;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.list.ReactiveListCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.memory.MemoryWriter;

/**
 * The short-term side of NPC talks: the last lines of each conversation in Redis, passed back to npc-llm-service so
 * the NPC follows the thread (the long-term memory of each exchange goes through {@link MemoryWriter}). Best effort:
 * a failure is logged and the game goes on.
 */
@ApplicationScoped
public class NpcConversations {

    private final ReactiveListCommands<String, String> lists;
    private final ReactiveKeyCommands<String> keys;
    private final NarrationConfig.Conversation config;

    NpcConversations(ReactiveRedisDataSource redis, NarrationConfig config) {
        this.lists = redis.list(String.class);
        this.keys = redis.key(String.class);
        this.config = config.conversation();
    }

    /** The last lines of this player's conversation with this NPC, oldest first; empty when they have not talked lately. */
    public Uni<List<String>> recent(String npcId, String playerId) {
        return lists.lrange(RedisKeys.conversation(npcId, playerId), -config.lines(), -1)
                .onFailure().invoke(failure -> Log.debugf("Conversation of %s with %s not read: %s", playerId, npcId,
                        failure.toString()))
                .onFailure().recoverWithItem(List.of());
    }

    /**
     * How many players each NPC has a live conversation with (a conversation lives until its TTL), by NPC id. One
     * SCAN over the keyspace: fine for an admin page, not for the hot path.
     */
    public Uni<Map<String, Long>> liveCounts() {
        return keys.scan(new KeyScanArgs().match(RedisKeys.conversationPattern()).count(1000)).toMulti()
                .map(RedisKeys::conversationNpc)
                .filter(Objects::nonNull)
                .collect().asList()
                .map(npcs -> npcs.stream().collect(Collectors.groupingBy(npc -> npc, Collectors.counting())));
    }

    /** Keeps an exchange, before the action's result is published (the player's next line must see it). */
    public Uni<Void> remember(String playerId, String playerName, NpcTalk talk, String npcName, String npcLine) {
        String key = RedisKeys.conversation(talk.npcId(), playerId);
        return lists.rpush(key, playerName + ": " + talk.said(), npcName + ": " + npcLine)
                .chain(() -> lists.ltrim(key, -config.lines(), -1))
                .chain(() -> keys.expire(key, config.ttl()))
                .onFailure().invoke(failure -> Log.warnf("Conversation of %s with %s not kept: %s", playerId,
                        talk.npcId(), failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
