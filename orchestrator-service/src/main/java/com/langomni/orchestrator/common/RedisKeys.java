package com.langomni.orchestrator.common;

import com.langomni.orchestrator.auth.AuthSessions;
import com.langomni.orchestrator.game.state.PlayerSnapshot;

/** The Redis keys the orchestrator owns (contracts: "Redis keys"). */
public final class RedisKeys {

    private static final String PREFIX = "langomni:";

    private RedisKeys() {
    }

    /** The prefix every key has: Lua scripts that derive a player's keys from an id read start with it. */
    public static String prefix() {
        return PREFIX;
    }

    /** A player's outbox: the frames addressed to them, a stream with ids {@code <seq>-0}. */
    public static String outbox(String playerId) {
        return PREFIX + "outbox:" + playerId;
    }

    /** The last sequence number given in a player's outbox. */
    public static String outboxSeq(String playerId) {
        return PREFIX + "outbox-seq:" + playerId;
    }

    /** Hot player state, JSON of a {@link PlayerSnapshot}. */
    public static String playerState(String playerId) {
        return PREFIX + "player-state:" + playerId;
    }

    /** Rate-limit token bucket (hash: tokens, ts). */
    public static String rate(String playerId) {
        return PREFIX + "rate:" + playerId;
    }

    /** Login attempts from one client address in the current window (counter with a TTL). */
    public static String loginsFromIp(String ip) {
        return PREFIX + "throttle:login-ip:" + ip;
    }

    /** Registrations from one client address in the current window (counter with a TTL). */
    public static String registrationsFromIp(String ip) {
        return PREFIX + "throttle:register-ip:" + ip;
    }

    /** Login attempts on one account name, lower case (hash: attempts, until = locked until, epoch ms; TTL). */
    public static String loginAttempts(String name) {
        return PREFIX + "throttle:login-name:" + name;
    }

    /** NPC conversations a player started in the current window (counter with a TTL). */
    public static String talks(String playerId) {
        return PREFIX + "throttle:talks:" + playerId;
    }

    /** What "it", "him", "her" and "them" stand for in a player's next action (a name as typed; TTL). */
    public static String referent(String playerId) {
        return PREFIX + "referent:" + playerId;
    }

    /** Per-player action lock (value: the holder's token). */
    public static String lock(String playerId) {
        return PREFIX + "lock:" + playerId;
    }

    /**
     * The open sockets of a player, a set of {@code gatewayId/connectionId}: the player is online while it exists
     * (it replaced the counter {@code langomni:online:*}, which nothing reads any more).
     */
    public static String sockets(String playerId) {
        return PREFIX + "sockets:" + playerId;
    }

    /** Every gateway that may hold sockets, scored by its last heartbeat (epoch millis, Redis' clock). */
    public static String gateways() {
        return PREFIX + "gateways";
    }

    /** The sockets open on a gateway, a set of {@code playerId/connectionId}, so its death can close them. */
    public static String gatewaySockets(String gatewayId) {
        return PREFIX + "gateway:" + gatewayId + ":sockets";
    }

    /** The sockets of a gateway declared dead that the reaper has still to close (same members). */
    public static String condemnedSockets(String gatewayId) {
        return PREFIX + "gateway:" + gatewayId + ":condemned";
    }

    /** Gateways declared dead whose sockets are still being closed. */
    public static String condemnedGateways() {
        return PREFIX + "gateways:condemned";
    }

    /** Set when a gateway was declared dead: its next heartbeat is told to drop its sockets (TTL). */
    public static String gatewayReset(String gatewayId) {
        return PREFIX + "gateway:" + gatewayId + ":reset";
    }

    /** The presence reaper's lease (value: the holder's token), so one round runs at a time in the cluster. */
    public static String presenceReaper() {
        return PREFIX + "presence-reaper";
    }

    /**
     * A socket ticket, named by the SHA-256 (hex) of the ticket: the claims of the token it admits (JSON, TTL
     * langomni.ticket.ttl, deleted when redeemed).
     */
    public static String socketTicket(String ticketSha256) {
        return PREFIX + "socket-ticket:" + ticketSha256;
    }

    /** Socket opens of a player lately, a token bucket (hash: tokens, ts) of langomni.presence.opens-per-minute. */
    public static String socketOpens(String playerId) {
        return PREFIX + "socket-opens:" + playerId;
    }

    /** Whether a login session lives ("1") or ended ("0"), cached from PostgreSQL with a TTL ({@link AuthSessions}). */
    public static String authSession(String sessionId) {
        return PREFIX + "auth-session:" + sessionId;
    }

    /**
     * The online players in a location, a hash of id to name (it replaced the set {@code langomni:presence:*},
     * which nothing reads any more).
     */
    public static String presence(String locationId) {
        return PREFIX + "room:" + locationId;
    }

    /** Latest room event texts of a location, newest first, for narration context. */
    public static String recent(String locationId) {
        return PREFIX + "recent:" + locationId;
    }

    /** The last lines of one player's conversation with one NPC, oldest first (list, capped, with a TTL). */
    public static String conversation(String npcId, String playerId) {
        return PREFIX + "conversation:" + npcId + ":" + playerId;
    }

    /** A cached world narration (string, with a TTL); {@code hash} covers everything that shapes the text. */
    public static String narrationCache(String namespace, String hash) {
        return PREFIX + "narration-cache:" + namespace + ":" + hash;
    }

    /** Keys of the live cache entries of a namespace, scored by expiry (epoch millis), to count them cheaply. */
    public static String narrationCacheIndex(String namespace) {
        return PREFIX + "narration-cache-index:" + namespace;
    }

    /** The places a player saw narrated lately and in which visible state (hash location -> state version, TTL). */
    public static String seen(String playerId) {
        return PREFIX + "seen:" + playerId;
    }

    /** Cluster-wide cache lookups (hash: hits, misses). */
    public static String narrationCacheStats() {
        return PREFIX + "narration-cache-stats";
    }

    /** LLM tokens spent on a player's narrations (hash: prompt, completion). */
    public static String playerTokens(String playerId) {
        return PREFIX + "tokens:player:" + playerId;
    }

    /** LLM tokens spent on world narration by everyone (hash: prompt, completion). */
    public static String worldTokens() {
        return PREFIX + "tokens:world";
    }

    /** One player's metered LLM spend in one clock hour (hash: prompt, completion, tokens, nanos = cost in billionths, role:*; TTL). */
    public static String meterPlayerHour(String playerId, long hour) {
        return PREFIX + "meter:player:" + playerId + ":h:" + hour;
    }

    /** One player's metered LLM spend in one UTC day (hash as above; TTL). */
    public static String meterPlayerDay(String playerId, long day) {
        return PREFIX + "meter:player:" + playerId + ":d:" + day;
    }

    /** Everyone's metered LLM spend in one clock hour, by role too (hash as above; TTL). */
    public static String meterWorldHour(long hour) {
        return PREFIX + "meter:world:h:" + hour;
    }

    /** Who spent in one clock hour, scored by tokens (sorted set; TTL). */
    public static String meterPlayersHour(long hour) {
        return PREFIX + "meter:players:h:" + hour;
    }

    /** One NPC's metered LLM spend, all time (hash as above). */
    public static String meterNpc(String npcId) {
        return PREFIX + "meter:npc:" + npcId;
    }

    /** An admin's budget for one player (hash: perHour, perDay); absent fields take the configured defaults. */
    public static String budgetPlayer(String playerId) {
        return PREFIX + "budget:player:" + playerId;
    }

    /** An admin's budget for the world (hash: perHour); absent takes the configured default. */
    public static String budgetWorld() {
        return PREFIX + "budget:world";
    }

    /** Pipeline counts of one epoch second, all replicas (hash, see StatsCounts; kept minutes). */
    public static String statsSecond(long epochSecond) {
        return PREFIX + "stats:second:" + epochSecond;
    }

    /** Pipeline counts of the 10 s step starting at {@code startSecond}, all replicas (hash; kept an hour). */
    public static String statsStep(long startSecond) {
        return PREFIX + "stats:step:" + startSecond;
    }

    /** The LLM backends' load sampled at {@code epochSecond} (JSON: name to figures; kept an hour). */
    public static String backendSample(long epochSecond) {
        return PREFIX + "stats:backends:" + epochSecond;
    }

    /** Who takes the backend sample of {@code epochSecond} (SET NX: one replica per sample). */
    public static String backendSampler(long epochSecond) {
        return PREFIX + "stats:sampler:" + epochSecond;
    }

    /** Every conversation key, for SCAN. */
    public static String conversationPattern() {
        return PREFIX + "conversation:*";
    }

    /** The NPC id of a {@link #conversation} key, or null for any other key. */
    public static String conversationNpc(String key) {
        String prefix = PREFIX + "conversation:";
        int lastColon = key.lastIndexOf(':');
        return key.startsWith(prefix) && lastColon > prefix.length() ? key.substring(prefix.length(), lastColon) : null;
    }
}
