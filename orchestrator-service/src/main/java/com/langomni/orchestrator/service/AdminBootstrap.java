package com.langomni.orchestrator.service;

import com.langomni.orchestrator.config.AuthConfig;
import com.langomni.orchestrator.domain.PlayerState;
import com.langomni.orchestrator.domain.RulesEngine;
import com.langomni.orchestrator.mapping.PlayerMapper;
import com.langomni.orchestrator.repository.Constraints;
import com.langomni.orchestrator.repository.PlayerEntity;
import com.langomni.orchestrator.repository.PlayerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The first admin comes from configuration: at start the account langomni.auth.admin.name gets the password
 * langomni.auth.admin.password (env LANGOMNI_ADMIN_PASSWORD) and the admin role, created if missing. Without a
 * password nothing is created. Changing the password in the configuration and restarting resets it.
 */
@ApplicationScoped
public class AdminBootstrap {

    public enum Result { CREATED, UPDATED, SKIPPED }

    private final AuthConfig.Admin config;
    private final PlayerRepository players;
    private final PasswordHasher hasher;
    private final RulesEngine rules;

    AdminBootstrap(AuthConfig config, PlayerRepository players, PasswordHasher hasher, RulesEngine rules) {
        this.config = config.admin();
        this.players = players;
        this.hasher = hasher;
        this.rules = rules;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ensure(config.name(), config.password()));
    }

    /** Creates or updates the admin account {@code name}; skips when there is no password. */
    public Uni<Result> ensure(String name, Optional<String> password) {
        if (password.isEmpty() || password.get().isBlank()) {
            Log.infof("No admin account configured: set LANGOMNI_ADMIN_PASSWORD (langomni.auth.admin.password) and "
                    + "restart to create or reset the admin '%s'", name);
            return Uni.createFrom().item(Result.SKIPPED);
        }
        if (!AuthService.validName(name)) {
            return Uni.createFrom().failure(new IllegalStateException("langomni.auth.admin.name must be 1 to "
                    + AuthService.MAX_NAME + " letters, digits, _ or -"));
        }
        if (password.get().length() < AuthService.MIN_PASSWORD) {
            return Uni.createFrom().failure(new IllegalStateException("langomni.auth.admin.password must have at least "
                    + AuthService.MIN_PASSWORD + " characters"));
        }
        return hasher.hash(password.get())
                .chain(hash -> upsert(name, hash)
                        // Another replica created it at the same moment: update that one.
                        .onFailure(Constraints::isUniqueViolation).recoverWithUni(() -> upsert(name, hash)))
                .invoke(result -> Log.infof("Admin account '%s' %s", name, result.name().toLowerCase()));
    }

    private Uni<Result> upsert(String name, String hash) {
        return Panache.withTransaction(() -> players.findByName(name).chain(row -> {
            if (row == null) {
                PlayerState state = rules.newPlayer(UUID.randomUUID().toString(), name);
                PlayerEntity admin = PlayerMapper.newRow(state, hash, TokenClaims.ROLE_ADMIN, Instant.now());
                return players.persist(admin).replaceWith(Result.CREATED);
            }
            row.passwordHash = hash;
            row.role = TokenClaims.ROLE_ADMIN;
            row.updatedAt = Instant.now();
            return Uni.createFrom().item(Result.UPDATED);
        }));
    }
}
