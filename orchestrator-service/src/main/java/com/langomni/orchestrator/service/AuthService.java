package com.langomni.orchestrator.service;

import com.langomni.api.game.AuthRequest;
import com.langomni.api.game.AuthResponse;
import com.langomni.orchestrator.domain.PlayerState;
import com.langomni.orchestrator.domain.RulesEngine;
import com.langomni.orchestrator.mapping.PlayerMapper;
import com.langomni.orchestrator.repository.Constraints;
import com.langomni.orchestrator.repository.PlayerEntity;
import com.langomni.orchestrator.repository.PlayerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registration and login. Passwords are bcrypt-hashed off the event loop and never logged. */
@ApplicationScoped
public class AuthService {

    static final int MAX_NAME = 24;
    static final int MIN_PASSWORD = 8;
    /** bcrypt ignores everything past 72 bytes; longer passwords would silently lose their tail. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String BAD_LOGIN = "unknown name or wrong password";

    private final PlayerRepository players;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final RulesEngine rules;

    AuthService(PlayerRepository players, PasswordHasher hasher, TokenService tokens, RulesEngine rules) {
        this.players = players;
        this.hasher = hasher;
        this.tokens = tokens;
        this.rules = rules;
    }

    public Uni<AuthResponse> register(AuthRequest request) {
        return Uni.createFrom().item(request)
                .invoke(AuthService::validateRegistration)
                .chain(() -> hasher.hash(request.password()))
                .chain(hash -> Panache.withTransaction(() -> players.findByName(request.name())
                        .chain(existing -> {
                            if (existing != null) {
                                throw nameTaken(request.name());
                            }
                            PlayerState state = rules.newPlayer(UUID.randomUUID().toString(), request.name());
                            PlayerEntity row = PlayerMapper.newRow(state, hash, TokenClaims.ROLE_PLAYER, Instant.now());
                            return players.persist(row);
                        })))
                .onFailure(Constraints::isUniqueViolation).transform(failure -> nameTaken(request.name()))
                .map(this::tokenFor);
    }

    public Uni<AuthResponse> login(AuthRequest request) {
        if (request == null || request.name() == null || request.password() == null) {
            return Uni.createFrom().failure(ApiException.badRequest("name and password are required"));
        }
        return Panache.withSession(() -> players.findByName(request.name()))
                .chain(row -> (row == null
                        ? hasher.mismatch(request.password())
                        : hasher.matches(request.password(), row.passwordHash))
                        .map(ok -> {
                            if (!ok) {
                                throw ApiException.unauthorized(BAD_LOGIN);
                            }
                            return tokenFor(row);
                        }));
    }

    private AuthResponse tokenFor(PlayerEntity row) {
        String id = row.id.toString();
        return new AuthResponse(id, tokens.issue(id, row.name, row.role), row.name, row.role);
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("the name " + name + " is taken");
    }

    static boolean validName(String name) {
        return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private static void validateRegistration(AuthRequest request) {
        if (request == null) {
            throw ApiException.badRequest("a JSON body {name, password} is required");
        }
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name is required");
        }
        if (!validName(name)) {
            throw ApiException.badRequest("name: 1 to " + MAX_NAME + " letters, digits, _ or -");
        }
        String password = request.password();
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("password: at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("password: at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
