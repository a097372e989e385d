package com.langomni.orchestrator.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import com.langomni.orchestrator.game.Admission;

/**
 * bcrypt on a worker thread: hashing takes tens of milliseconds by design and must not stall an event loop.
 * Results come back on the caller's Vert.x context, so Hibernate Reactive can carry on there. At most
 * {@code langomni.game.admission.max-password-checks} run or wait at once; past that a login is refused with
 * {@code overloaded} rather than queued behind seconds of hashing.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Vertx vertx;
    private final Admission admission;
    private final int cost;
    /** Compared against when the name is unknown, so a login takes as long either way. */
    private volatile String decoy;

    PasswordHasher(Vertx vertx, Admission admission, AuthConfig config) {
        this.vertx = vertx;
        this.admission = admission;
        this.cost = config.bcryptCost();
    }

    public Uni<String> hash(String password) {
        return admission.passwordCheck(() -> vertx.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost), false));
    }

    public Uni<Boolean> matches(String password, String hash) {
        return admission.passwordCheck(() -> vertx.executeBlocking(() -> BcryptUtil.matches(password, hash), false));
    }

    /** Spends the time of a real check and answers false. */
    public Uni<Boolean> mismatch(String password) {
        return admission.passwordCheck(() -> vertx.executeBlocking(() -> {
            if (decoy == null) {
                decoy = BcryptUtil.bcryptHash("decoy-password", cost);
            }
            BcryptUtil.matches(password, decoy);
            return false;
        }, false));
    }
}
