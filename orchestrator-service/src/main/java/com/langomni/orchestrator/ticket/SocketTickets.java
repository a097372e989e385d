package com.langomni.orchestrator.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.game.RedeemedTicket;
import com.langomni.api.game.SocketTicket;
import com.langomni.orchestrator.auth.TokenClaims;
import com.langomni.orchestrator.auth.TokenService;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.support.error.ApiException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Single-use socket tickets in Redis, so every replica redeems what any replica issued. A ticket is 256 random
 * bits; Redis keeps only its SHA-256 (a copy of Redis redeems nothing) mapped to the token's claims (not the token:
 * the token is signed again on redemption, with the same claims, so it is the same token). Redemption is one
 * GETDEL: a ticket works once, and two gateways racing for it cannot both win.
 */
@ApplicationScoped
public class SocketTickets {

    private static final int TICKET_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Far above a ticket's 43 characters; bounds the work spent on garbage. */
    private static final int MAX_TICKET_CHARS = 128;

    private final SecureRandom random = new SecureRandom();
    private final ReactiveValueCommands<String, String> values;
    private final TokenService tokens;
    private final ObjectMapper json;
    private final TicketConfig config;

    SocketTickets(ReactiveRedisDataSource redis, TokenService tokens, ObjectMapper json, TicketConfig config) {
        this.values = redis.value(String.class);
        this.tokens = tokens;
        this.json = json;
        this.config = config;
    }

    /** A fresh ticket for the (authenticated) caller; fails when Redis cannot keep it (503 unavailable). */
    public Uni<SocketTicket> issue(TokenClaims caller) {
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        String ticket = BASE64URL.encodeToString(bytes);
        return values.set(key(ticket), write(caller), new SetArgs().nx().px(config.ttl()))
                .map(ignored -> new SocketTicket(ticket, (int) config.ttl().toSeconds()));
    }

    /**
     * Whom the ticket admits, and the ticket is gone; 401 for a ticket unknown, used or expired, 503 (unavailable)
     * when Redis cannot be asked: the caller may retry with a new ticket.
     */
    public Uni<RedeemedTicket> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > MAX_TICKET_CHARS) {
            return Uni.createFrom().failure(invalid());
        }
        return values.getdel(key(ticket)).map(found -> {
            if (found == null) {
                throw invalid();
            }
            TokenClaims claims = read(found);
            return new RedeemedTicket(claims.sub(), tokens.issue(claims.sub(), claims.name(), claims.role(),
                    UUID.fromString(claims.sid()), Instant.ofEpochSecond(claims.expiresAt())));
        });
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("this ticket is unknown, used or expired; fetch a new one "
                + "(POST /api/auth/ticket)");
    }

    private static String key(String ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8));
            return RedisKeys.socketTicket(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private String write(TokenClaims claims) {
        try {
            return json.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims are not serialisable", e);
        }
    }

    private TokenClaims read(String stored) {
        try {
            return json.readValue(stored, TokenClaims.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored ticket is not readable", e);
        }
    }
}
