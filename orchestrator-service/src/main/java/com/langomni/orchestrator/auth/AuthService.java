package com.langomni.orchestrator.auth;

import com.langomni.api.game.AuthRequest;
import com.langomni.api.game.AuthResponse;
import com.langomni.api.game.PasswordChange;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.orchestrator.game.rules.model.PlayerState;
import com.langomni.orchestrator.game.rules.RulesEngine;
import com.langomni.orchestrator.game.state.PlayerMapper;
import com.langomni.orchestrator.common.Constraints;
import com.langomni.orchestrator.game.state.PlayerEntity;
import com.langomni.orchestrator.game.state.PlayerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import com.langomni.support.error.ApiException;
import com.langomni.orchestrator.session.Publisher;
import com.langomni.orchestrator.moderation.Moderation;
import com.langomni.orchestrator.auth.throttle.LoginThrottle;

/**
 * Registration, login, logout and password change. Every token names a server-side session ({@link AuthSessions}).
 * Passwords are bcrypt-hashed off the event loop and never logged. Logins and registrations pass the door's
 * throttles ({@link LoginThrottle}) before any hashing.
 */
@ApplicationScoped
public class AuthService {

    static final int MAX_NAME = 24;
    static final int MIN_PASSWORD = 8;
    /** An admin account can do far more harm in the wrong hands: a longer password. */
    static final int MIN_ADMIN_PASSWORD = 12;
    /** bcrypt ignores everything past 72 bytes; longer passwords would silently lose their tail. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String BAD_LOGIN = "unknown name or wrong password";

    private final PlayerRepository players;
    private final PasswordHasher hasher;
    private final AuthSessions sessions;
    private final Publisher publisher;
    private final RulesEngine rules;
    private final LoginThrottle throttle;
    private final Moderation moderation;

    AuthService(PlayerRepository players, PasswordHasher hasher, AuthSessions sessions, Publisher publisher,
                RulesEngine rules, LoginThrottle throttle, Moderation moderation) {
        this.moderation = moderation;
        this.players = players;
        this.hasher = hasher;
        this.sessions = sessions;
        this.publisher = publisher;
        this.rules = rules;
        this.throttle = throttle;
    }

    /**
     * A taken name answers 409 (a player must learn to pick another); that this tells whether a name exists is
     * bounded by the registration budget per client address ({@code clientIp}).
     */
    public Uni<AuthResponse> register(AuthRequest request, String clientIp) {
        return Uni.createFrom().item(request)
                .invoke(AuthService::validateRegistration)
                .chain(() -> throttle.admitRegistration(clientIp))
                // after the budget: a flagged name is recorded for the admins, which must not be free to flood
                .chain(() -> moderation.name(request.name())) // a flagged name: 400, nothing created
                .chain(() -> hasher.hash(request.password()))
                .chain(hash -> Panache.withTransaction(() -> players.findByName(request.name())
                        .chain(existing -> {
                            if (existing != null) {
                                throw nameTaken(request.name());
                            }
                            PlayerState state = rules.newPlayer(UUID.randomUUID().toString(), request.name());
                            PlayerEntity row = PlayerMapper.newRow(state, hash, TokenClaims.ROLE_PLAYER, Instant.now());
                            return players.persist(row).chain(this::open);
                        })))
                .onFailure(Constraints::isUniqueViolation).transform(failure -> nameTaken(request.name()));
    }

    /**
     * 400 for a name or password no account can have (checked before any hashing), 429 past a throttle, 401 for a
     * wrong name or password (the same either way), then 403 {@code banned} while a ban lasts. A right password
     * forgets the name's failed attempts.
     */
    public Uni<AuthResponse> login(AuthRequest request, String clientIp) {
        if (request == null || request.name() == null || request.password() == null) {
            return Uni.createFrom().failure(ApiException.badRequest("name and password are required"));
        }
        if (request.name().isBlank() || request.name().length() > MAX_NAME) {
            return Uni.createFrom().failure(ApiException.badRequest("name: 1 to " + MAX_NAME + " characters"));
        }
        if (request.password().isEmpty() || tooLong(request.password())) {
            return Uni.createFrom().failure(ApiException.badRequest("password: 1 to " + MAX_PASSWORD_BYTES + " bytes"));
        }
        return throttle.admitLogin(clientIp, request.name())
                .chain(() -> Panache.withSession(() -> players.findByName(request.name())))
                .chain(row -> (row == null
                        ? hasher.mismatch(request.password())
                        : hasher.matches(request.password(), row.passwordHash))
                        .map(ok -> {
                            if (!ok) {
                                throw ApiException.unauthorized(BAD_LOGIN);
                            }
                            return row;
                        }))
                .call(row -> throttle.succeeded(request.name()))
                .map(row -> {
                    if (row.bannedUntil != null && row.bannedUntil.isAfter(Instant.now())) {
                        throw banned(row);
                    }
                    return row;
                })
                // The ban and auth_version come from the same row: a ban committed after this read bumps the
                // version, which leaves the session opened here ended.
                .chain(row -> Panache.withTransaction(() -> open(row)));
    }

    /** Ends the caller's session: its token is refused from now on, everywhere. */
    public Uni<Void> logout(TokenClaims caller) {
        return sessions.end(caller);
    }

    /**
     * Checks the current password (401), sets the new one (400 unless it meets the rules of the account's role) and
     * ends every session of the player, then opens a new one: the answer is like a login's. The player's sockets
     * are closed; they reconnect with the new token.
     */
    public Uni<AuthResponse> changePassword(TokenClaims caller, PasswordChange request) {
        if (request == null || request.currentPassword() == null || request.newPassword() == null) {
            return Uni.createFrom().failure(ApiException.badRequest("currentPassword and newPassword are required"));
        }
        UUID id = UUID.fromString(caller.sub());
        return Panache.withSession(() -> players.findById(id))
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(ApiException.unauthorized("no such player"));
                    }
                    String problem = passwordProblem(request.newPassword(), row.role, row.name);
                    if (problem != null) {
                        return Uni.createFrom().failure(ApiException.badRequest("newPassword: " + problem));
                    }
                    return hasher.matches(request.currentPassword(), row.passwordHash).chain(ok -> ok
                            ? hasher.hash(request.newPassword()).map(hash -> new NewPassword(row, hash))
                            : Uni.createFrom().failure(ApiException.unauthorized("the current password is wrong")));
                })
                .chain(change -> Panache.withTransaction(() -> players.changePassword(id, change.hash(), Instant.now())
                                .chain(version -> {
                                    if (version == null) {
                                        throw ApiException.unauthorized("no such player");
                                    }
                                    return sessions.endedBy(id, version).chain(ended -> sessions.open(id,
                                                    change.row().name, change.row().role, version)
                                            .map(fresh -> new Changed(fresh, ended)));
                                }))
                        .call(changed -> sessions.forget(changed.ended()))
                        .call(() -> publisher.kick(caller.sub(), "Your password changed; log in again."))
                        .invoke(() -> Log.infof("Player %s (%s) changed their password", change.row().name, id))
                        .map(Changed::response));
    }

    private record NewPassword(PlayerEntity row, String hash) {
    }

    private record Changed(AuthResponse response, List<UUID> ended) {
    }

    private Uni<AuthResponse> open(PlayerEntity row) {
        return sessions.open(row.id, row.name, row.role, row.authVersion);
    }

    private static ApiException banned(PlayerEntity row) {
        String reason = row.banReason == null || row.banReason.isBlank() ? "" : ": " + row.banReason;
        return new ApiException(403, ErrorCodes.BANNED, "banned until " + row.bannedUntil + reason);
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("the name " + name + " is taken");
    }

    static boolean validName(String name) {
        return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    /**
     * What is wrong with a password for the account {@code name} of {@code role}, or null when it is acceptable.
     * Everyone: 8 characters to 72 bytes. An admin ({@link AdminPasswordPolicy}): 12 characters, not containing the
     * name, several kinds of character, not a common password dressed up.
     */
    static String passwordProblem(String password, String role, String name) {
        boolean admin = TokenClaims.ROLE_ADMIN.equals(role);
        int min = admin ? MIN_ADMIN_PASSWORD : MIN_PASSWORD;
        if (password == null || password.length() < min) {
            return "at least " + min + " characters" + (admin ? " for an admin" : "");
        }
        if (tooLong(password)) {
            return "at most " + MAX_PASSWORD_BYTES + " bytes";
        }
        return admin ? AdminPasswordPolicy.problem(password, name) : null;
    }

    private static boolean tooLong(String password) {
        // a cheap bound first: a string of over 72 chars has over 72 bytes
        return password.length() > MAX_PASSWORD_BYTES
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
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
        String problem = passwordProblem(request.password(), TokenClaims.ROLE_PLAYER, name);
        if (problem != null) {
            throw ApiException.badRequest("password: " + problem);
        }
    }
}
