package com.langomni.orchestrator.auth;

import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.state.PlayerMapper;
import com.langomni.orchestrator.common.Constraints;
import com.langomni.orchestrator.game.state.PlayerEntity;
import com.langomni.orchestrator.game.state.PlayerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The first admin comes from configuration: at start the account langomni.auth.admin.name is created with the
 * password langomni.auth.admin.password (env LANGOMNI_ADMIN_PASSWORD) and the admin role when it does not exist.
 * An existing account is left alone: its password changes through {@code POST /api/auth/password}, so a restart
 * never undoes a change made there. Only with langomni.auth.admin.reset-password (env
 * LANGOMNI_ADMIN_RESET_PASSWORD=true, for the start that recovers a lost password) does the configured password
 * replace the account's, with the admin role, ending its sessions. Without a password nothing is done.
 */
@ApplicationScoped
public class AdminBootstrap {

    public enum Result {
        /** The account did not exist and was created. */
        CREATED,
        /** reset-password: the account got the configured password and the admin role. */
        RESET,
        /** The admin exists; its password was left as it is. */
        KEPT,
        /** The name belongs to a player, who is not made an admin without reset-password. */
        NOT_ADMIN,
        /** No password configured. */
        SKIPPED
    }

    private final AuthConfig.Admin config;
    private final PlayerRepository players;
    private final PasswordHasher hasher;
    private final AuthSessions sessions;
    private final RulesEngine rules;

    AdminBootstrap(AuthConfig config, PlayerRepository players, PasswordHasher hasher, AuthSessions sessions,
                   RulesEngine rules) {
        this.config = config.admin();
        this.players = players;
        this.hasher = hasher;
        this.sessions = sessions;
        this.rules = rules;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> ensure(config.name(), config.password(), config.resetPassword()));
    }

    /** Creates the admin account {@code name} if missing, or resets it when {@code reset}; skips without a password. */
    public Uni<Result> ensure(String name, Optional<String> password, boolean reset) {
        if (password.isEmpty() || password.get().isBlank()) {
            Log.infof("No admin account configured: set LANGOMNI_ADMIN_PASSWORD (langomni.auth.admin.password) and "
                    + "restart to create the admin '%s'", name);
            return Uni.createFrom().item(Result.SKIPPED);
        }
        if (!AuthService.validName(name)) {
            return Uni.createFrom().failure(new IllegalStateException("langomni.auth.admin.name must be 1 to "
                    + AuthService.MAX_NAME + " letters, digits, _ or -"));
        }
        String problem = AuthService.passwordProblem(password.get(), TokenClaims.ROLE_ADMIN, name);
        if (problem != null) {
            IllegalStateException weak = new IllegalStateException("langomni.auth.admin.password: " + problem);
            if (reset) {
                return Uni.createFrom().failure(weak);
            }
            // The policy binds a password when it is set. An account that exists keeps the one it has (perhaps set
            // under an older, shorter rule): refusing to start would turn an upgrade into an outage.
            return Panache.withSession(() -> players.findByName(name)).chain(row -> {
                if (row == null) {
                    return Uni.createFrom().failure(weak);
                }
                Log.warnf("LANGOMNI_ADMIN_PASSWORD does not meet the admin password rules (%s); the account '%s' keeps "
                        + "its password: change it in the panel", problem, name);
                return Uni.createFrom().item(TokenClaims.ROLE_ADMIN.equals(row.role) ? Result.KEPT : Result.NOT_ADMIN);
            });
        }
        return hasher.hash(password.get())
                .chain(hash -> apply(name, hash, reset)
                        // Another replica created it at the same moment: that one stands (or is reset).
                        .onFailure(Constraints::isUniqueViolation).recoverWithUni(() -> apply(name, hash, reset)))
                .invoke(result -> log(name, result));
    }

    private Uni<Result> apply(String name, String hash, boolean reset) {
        return Panache.withTransaction(() -> players.findByName(name).chain(row -> {
                    if (row == null) {
                        PlayerState state = rules.newPlayer(UUID.randomUUID().toString(), name);
                        PlayerEntity admin = PlayerMapper.newRow(state, hash, TokenClaims.ROLE_ADMIN, Instant.now());
                        return players.persist(admin).replaceWith(new Applied(Result.CREATED, List.of()));
                    }
                    if (!reset) {
                        return Uni.createFrom().item(new Applied(
                                TokenClaims.ROLE_ADMIN.equals(row.role) ? Result.KEPT : Result.NOT_ADMIN, List.of()));
                    }
                    return players.resetAdmin(row.id, hash, Instant.now())
                            .chain(version -> sessions.endedBy(row.id, version))
                            .map(ended -> new Applied(Result.RESET, ended));
                }))
                .call(applied -> sessions.forget(applied.ended()))
                .map(Applied::result);
    }

    private record Applied(Result result, List<UUID> ended) {
    }

    private static void log(String name, Result result) {
        switch (result) {
            case CREATED -> Log.infof("Admin account '%s' created", name);
            case RESET -> Log.warnf("Admin account '%s' reset to the configured password (its sessions ended); "
                    + "unset LANGOMNI_ADMIN_RESET_PASSWORD so that the next start does not reset it again", name);
            case KEPT -> Log.infof("Admin account '%s' exists; its password is left as it is (change it with "
                    + "POST /api/auth/password, or recover it with LANGOMNI_ADMIN_RESET_PASSWORD=true)", name);
            case NOT_ADMIN -> Log.warnf("The configured admin name '%s' belongs to a player account, which is not made"
                    + " an admin; start once with LANGOMNI_ADMIN_RESET_PASSWORD=true to take it over, or configure"
                    + " another LANGOMNI_ADMIN_NAME", name);
            case SKIPPED -> { }
        }
    }
}
